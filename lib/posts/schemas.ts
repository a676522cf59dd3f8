// The shapes the post API accepts, from the limits and messages in limits.ts.
import { z } from 'zod';
import { ALT_MAX, CAPTION_MAX, POST_MESSAGES, hasControlCharacters } from './limits';

const withoutControls = (text: string) => !hasControlCharacters(text);
const caption = z.string().max(CAPTION_MAX, POST_MESSAGES.captionTooLong).refine(withoutControls, POST_MESSAGES.controlCharacters);
const alt = z.string().trim().max(ALT_MAX, POST_MESSAGES.altTooLong).refine(withoutControls, POST_MESSAGES.controlCharacters);

/** PATCH /api/posts/<id>: either field, or both. */
export const postEditSchema = z
  .object({ caption: caption.optional(), alt: alt.optional() })
  .strict()
  .refine((edit) => edit.caption !== undefined || edit.alt !== undefined, 'Send a caption, alt text, or both.');

export type PostEdit = z.infer<typeof postEditSchema>;

/** POST /api/posts: the photo (checked by its content later, in the pipeline) and the texts. */
export const uploadSchema = z.object({
  photo: z.instanceof(File, { message: POST_MESSAGES.noPhoto }).refine((file) => file.size > 0, POST_MESSAGES.emptyPhoto),
  caption: caption.default(''),
  alt: alt.default(''),
});
