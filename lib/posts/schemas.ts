// The shapes the post API accepts, from the limits in limits.ts.
import { z } from 'zod';
import { ALT_MAX, CAPTION_MAX } from './limits';

const caption = z.string().max(CAPTION_MAX, `Captions can be at most ${CAPTION_MAX.toLocaleString('en-US')} characters.`);
const alt = z.string().trim().max(ALT_MAX, `Alt text can be at most ${ALT_MAX} characters.`);

export const postTextSchema = z.object({ caption, alt });

/** PATCH /api/posts/<id>: either field, or both. */
export const postEditSchema = z
  .object({ caption: caption.optional(), alt: alt.optional() })
  .strict()
  .refine((edit) => edit.caption !== undefined || edit.alt !== undefined, 'Send a caption, alt text, or both.');

export type PostEdit = z.infer<typeof postEditSchema>;

/** POST /api/posts: the photo (checked by its content later, in the pipeline) and the texts. */
export const uploadSchema = z.object({
  photo: z
    .instanceof(File, { message: 'Choose a photo to share.' })
    .refine((file) => file.size > 0, 'Choose a photo to share: this file is empty.'),
  caption: caption.default(''),
  alt: alt.default(''),
});
