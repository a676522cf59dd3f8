// The photo formats uploads may be in (lib/media/pipeline.ts checks each by its content), for the
// pipeline's refusals and the file picker (no sharp here: client components import it).

export const ACCEPTED_FORMATS = 'JPEG, PNG, WebP, AVIF or GIF';
export const ACCEPTED_MIME_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';
