import { z } from 'zod';
import { jsonError } from '@/lib/http/json';
import { viewerRoute } from '@/lib/http/route';
import { deleteComment } from '@/lib/comments/queries';
import { commentIdSchema } from '@/lib/comments/schemas';

/** → 204. The comment's author may delete it, and so may the owner of the post it is on. */
export const DELETE = viewerRoute({ params: z.object({ id: commentIdSchema }) }, async ({ params }) => {
  const result = await deleteComment(params.id);
  if (result.ok) return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return result.reason === 'not-found'
    ? jsonError(404, 'Comment not found.')
    : jsonError(403, 'Only the comment’s author or the post’s owner can delete it.');
});
