import { z } from 'zod';
import { jsonError, jsonOk } from '@/lib/http/json';
import { viewerRoute } from '@/lib/http/route';
import { postEditSchema } from '@/lib/posts/schemas';
import { postIdSchema } from '@/lib/posts/post-id';
import { deletePost, editPost } from '@/lib/posts/publishing';

const params = z.object({ id: postIdSchema });

const notYours = (reason: 'not-found' | 'forbidden') =>
  reason === 'not-found' ? jsonError(404, 'Post not found.') : jsonError(403, 'Only the author can change this post.');

/** `{ caption?, alt? }` → 200 with the post. */
export const PATCH = viewerRoute({ params, body: { schema: postEditSchema, maxBytes: 16 * 1024 } }, async ({ params, body }) => {
  const result = await editPost(params.id, body);
  return result.ok ? jsonOk(result.post) : notYours(result.reason);
});

/** → 204; the post's likes and stored images go with it. */
export const DELETE = viewerRoute({ params }, async ({ params }) => {
  const result = await deletePost(params.id);
  return result.ok ? new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } }) : notYours(result.reason);
});
