// What a post may hold, and what is said when it does not: for the API's schemas (schemas.ts) and
// the forms, which check the same before sending (no zod here: client components import it).

import { formatCount } from '@/lib/text/format';

export const CAPTION_MAX = 2200;
export const ALT_MAX = 250;
/** A whole upload request, photo and fields; bigger bodies are refused with a 413. */
export const UPLOAD_MAX_BYTES = 15 * 1024 * 1024;
/** The browser shrinks photos whose long side is over this before sending (the server re-checks). */
export const CLIENT_LONG_SIDE = 2160;

/** C0 and C1 control characters but tab and line breaks: never part of a caption, and NUL breaks HTML. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const POST_MESSAGES = {
  noPhoto: 'Choose a photo to share.',
  emptyPhoto: 'Choose a photo to share: this file is empty.',
  photoTooLarge: `This file is over ${UPLOAD_MAX_BYTES / (1024 * 1024)} MB. Please choose a smaller photo.`,
  captionTooLong: `Captions can be at most ${formatCount(CAPTION_MAX)} characters.`,
  altTooLong: `Alt text can be at most ${ALT_MAX} characters.`,
  controlCharacters: 'Remove the invisible control characters from this text.',
};

export const hasControlCharacters = (text: string) => CONTROL_CHARACTERS.test(text);

/** The problem with a caption, if any (the API says the same, from schemas.ts). */
export function captionProblem(caption: string): string | undefined {
  if (caption.length > CAPTION_MAX) return POST_MESSAGES.captionTooLong;
  if (hasControlCharacters(caption)) return POST_MESSAGES.controlCharacters;
  return undefined;
}

/** The problem with alt text, if any; it is stored trimmed. */
export function altProblem(alt: string): string | undefined {
  if (alt.trim().length > ALT_MAX) return POST_MESSAGES.altTooLong;
  if (hasControlCharacters(alt)) return POST_MESSAGES.controlCharacters;
  return undefined;
}
