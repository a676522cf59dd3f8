// In the browser, before a profile photo is sent: its centre square, at most AVATAR_CLIENT_SIDE
// px, as a JPEG, so any photo fits the form's 1 MB limit. The server crops and checks again.
import { draw, toBlob } from '@/components/posts/prepare-photo';
import { AVATAR_CLIENT_SIDE } from '@/lib/users/profile-limits';

/** What to send and its preview (an object URL the caller revokes); a file the browser cannot decode goes as it is. */
export async function prepareAvatar(file: File): Promise<{ upload: Blob; preview: string | null }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { upload: file, preview: null };
  }
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    const square = { x: (bitmap.width - side) / 2, y: (bitmap.height - side) / 2, width: side, height: side };
    const shrunk = await toBlob(draw(bitmap, square, AVATAR_CLIENT_SIDE), 'image/jpeg', 0.9);
    const upload = shrunk && shrunk.size < file.size ? shrunk : file;
    return { upload, preview: URL.createObjectURL(shrunk ?? file) };
  } finally {
    bitmap.close();
  }
}
