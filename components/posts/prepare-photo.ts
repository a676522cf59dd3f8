// In the browser, before a photo is sent: a preview of the crop the server will store, and a
// smaller copy of very large photos so that a phone photo uploads fast and fits a serverless
// request limit (Vercel: 4.5 MB). The server re-checks everything; this only saves bytes.
import { NARROWEST_POST, WIDEST_POST } from '@/lib/media/sizes';
import { CLIENT_LONG_SIDE } from '@/lib/posts/limits';

/** Files at most this big and this small in pixels are sent as they are. */
const SEND_AS_IS_BYTES = 3 * 1024 * 1024;
const PREVIEW_LONG_SIDE = 940;

export type PreparedPhoto = { upload: Blob; preview: string | null; width: number; height: number };

function centreCrop(width: number, height: number) {
  const aspect = Math.min(WIDEST_POST, Math.max(NARROWEST_POST, width / height));
  const cropWidth = Math.min(width, Math.round(height * aspect));
  const cropHeight = Math.min(height, Math.round(width / aspect));
  return { x: (width - cropWidth) / 2, y: (height - cropHeight) / 2, width: cropWidth, height: cropHeight };
}

export function draw(source: ImageBitmap, crop: { x: number; y: number; width: number; height: number }, longSide: number) {
  const scale = Math.min(1, longSide / Math.max(crop.width, crop.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(crop.width * scale);
  canvas.height = Math.round(crop.height * scale);
  canvas.getContext('2d')?.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, canvas.width, canvas.height);
  return canvas;
}

export const toBlob = (canvas: HTMLCanvasElement, type: string, quality: number) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));

/**
 * The preview (an object URL the caller revokes) and what to upload. A file the browser cannot
 * decode is sent unchanged with no preview: the server decides, and says why if it refuses.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { upload: file, preview: null, width: 0, height: 0 };
  }
  try {
    const { width, height } = bitmap;
    const crop = centreCrop(width, height);
    const previewBlob = await toBlob(draw(bitmap, crop, PREVIEW_LONG_SIDE), 'image/jpeg', 0.85);
    const preview = previewBlob ? URL.createObjectURL(previewBlob) : null;
    const small = Math.max(width, height) <= CLIENT_LONG_SIDE && file.size <= SEND_AS_IS_BYTES;
    if (small) return { upload: file, preview, width, height };
    const full = { x: 0, y: 0, width, height };
    const shrunk = await toBlob(draw(bitmap, full, CLIENT_LONG_SIDE), 'image/jpeg', 0.9);
    return { upload: shrunk && shrunk.size < file.size ? shrunk : file, preview, width, height };
  } finally {
    bitmap.close();
  }
}
