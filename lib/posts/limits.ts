// What a post may hold: for the API's schemas (schemas.ts) and the forms' counters (no zod here:
// client components import it).

export const CAPTION_MAX = 2200;
export const ALT_MAX = 250;
/** A whole upload request, photo and fields; bigger bodies are refused while they stream in. */
export const UPLOAD_MAX_BYTES = 15 * 1024 * 1024;
/** The browser shrinks photos whose long side is over this before sending (the server re-checks). */
export const CLIENT_LONG_SIDE = 2160;
