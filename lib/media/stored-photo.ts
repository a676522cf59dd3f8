// A processed photo in the media store: its renditions under fresh random keys, and what a post
// row keeps of them. Stored before the row that names them (lib/posts/post-photos.ts).
import { newMediaKey } from './keys';
import type { ProcessedPhoto } from './pipeline';
import type { MediaStore } from './storage';

export type StoredPhoto = {
  imageKey: string;
  mediumKey: string;
  thumbnailKey: string;
  width: number;
  height: number;
  placeholder: string;
};

/** Every stored object of a photo (a rendition shared by two sizes is one object). */
export const photoKeys = (photo: Pick<StoredPhoto, 'imageKey' | 'mediumKey' | 'thumbnailKey'>) => [
  ...new Set([photo.imageKey, photo.mediumKey, photo.thumbnailKey]),
];

/** `beforeStoring`: told the keys before any object is written (to record them as pending). */
export async function storePhoto(
  store: MediaStore,
  { image, medium, thumbnail, placeholder }: ProcessedPhoto,
  beforeStoring: (keys: string[]) => Promise<unknown>,
): Promise<StoredPhoto> {
  const keys = new Map<ProcessedPhoto['image'], string>();
  const keyOf = (rendition: ProcessedPhoto['image']) => {
    let key = keys.get(rendition);
    if (!key) keys.set(rendition, (key = newMediaKey('webp')));
    return key;
  };
  const stored = { imageKey: keyOf(image), mediumKey: keyOf(medium), thumbnailKey: keyOf(thumbnail), width: image.width, height: image.height, placeholder };
  await beforeStoring([...keys.values()]);
  await Promise.all([...keys].map(([rendition, key]) => store.put(key, rendition.bytes, rendition.contentType)));
  return stored;
}
