// The shapes the comment API accepts, from the limits and messages in limits.ts.
import { z } from 'zod';
import { rowIdSchema } from '@/lib/posts/post-id';
import { COMMENT_MAX, COMMENT_MESSAGES, cleanCommentText } from './limits';

/** POST /api/posts/<id>/comments: `{ "text" }`, cleaned before it is measured. */
export const newCommentSchema = z
  .object({
    text: z
      .string({ message: COMMENT_MESSAGES.empty })
      .transform(cleanCommentText)
      .pipe(z.string().min(1, COMMENT_MESSAGES.empty).max(COMMENT_MAX, COMMENT_MESSAGES.tooLong)),
  })
  .strict();

/** A comment id from a URL, written plainly as post ids are. */
export const commentIdSchema = rowIdSchema('Comment id must be a positive whole number.');
