import { randomBytes } from 'node:crypto';

// A key names one stored image for good: the app picks it, never the uploader, and never reuses
// it, so anything that does not look exactly like one is refused before it reaches a path or URL.

const MEDIA_KEY = /^[A-Za-z0-9_-]{22}\.webp$/;

export const MEDIA_CONTENT_TYPES = { webp: 'image/webp' } as const;
export type MediaExtension = keyof typeof MEDIA_CONTENT_TYPES;

/** An object never changes under its key, so a response may be kept by any cache for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A fresh random key (128 bits, base64url) with the extension, e.g. 'Xy…Q.webp'. Never user-chosen. */
export function newMediaKey(extension: MediaExtension): string {
  return `${randomBytes(16).toString('base64url')}.${extension}`;
}

/** True only for keys newMediaKey makes: /^[A-Za-z0-9_-]{22}\.webp$/ — anything else (.., %2e, slashes, NUL) is not a key. */
export function isMediaKey(value: string): boolean {
  return MEDIA_KEY.test(value);
}

/** The content type a key's extension stands for; the key must be one (isMediaKey). */
export function mediaContentType(key: string): string {
  if (!isMediaKey(key)) throw new Error('not a media key');
  return MEDIA_CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1) as MediaExtension];
}
