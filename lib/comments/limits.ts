// What a comment may hold, and what is said when it does not: for the API's schema (schemas.ts)
// and the comment form, which checks the same before sending (no zod here: client code imports it).

import { formatCount } from '@/lib/text/format';

export const COMMENT_MAX = 2200;
/** The form's counter shows from here on: most comments are a line, and a counter would be noise. */
export const COMMENT_COUNTER_FROM = 2000;
/** A comment request's body: the text at its longest in UTF-8 (4 bytes a character), and the JSON around it. */
export const COMMENT_BODY_MAX_BYTES = 16 * 1024;

export const COMMENT_MESSAGES = {
  empty: 'Write something to comment.',
  tooLong: `Comments can be at most ${formatCount(COMMENT_MAX)} characters.`,
};

// C0 and C1 control characters but the newline: invisible, and NUL breaks HTML. Tabs go too.
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** The comment as stored: CRLF as LF, control characters but LF removed, trimmed. */
export const cleanCommentText = (text: string) => text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();

/** The problem with a comment (as typed), if any; the API says the same. */
export function commentProblem(text: string): string | undefined {
  const clean = cleanCommentText(text);
  if (clean.length === 0) return COMMENT_MESSAGES.empty;
  if (clean.length > COMMENT_MAX) return COMMENT_MESSAGES.tooLong;
  return undefined;
}
