import { z } from 'zod';
import { jsonError, jsonOk } from '@/lib/http/json';
import { viewerRoute } from '@/lib/http/route';
import { COMMENT_BODY_MAX_BYTES } from '@/lib/comments/limits';
import { admitComment, getCommentsPage } from '@/lib/comments/queries';
import { newCommentSchema } from '@/lib/comments/schemas';
import { decodeCursor } from '@/lib/posts/cursor';
import { postIdSchema } from '@/lib/posts/post-id';

const params = z.object({ id: postIdSchema });
const notFound = () => jsonError(404, 'Post not found.');

/** A page of the post's comments, oldest first: `{ comments: [{ id, text, author, createdAt }], nextCursor }`. */
export const GET = viewerRoute({ params }, async ({ request, params }) => {
  const raw = request.nextUrl.searchParams.get('cursor');
  const cursor = raw === null ? null : decodeCursor(raw);
  if (raw !== null && !cursor) return jsonError(400, 'The cursor is invalid: use the nextCursor of the previous page.');
  const page = await getCommentsPage(params.id, cursor);
  return page ? jsonOk(page) : notFound();
});

// One of the viewer's 60 comments an hour reserved before the body is read, given back unless written.
const spec = { params, admit: admitComment, body: { schema: newCommentSchema, maxBytes: COMMENT_BODY_MAX_BYTES } };

/** `{ text }` → 201 `{ id, text, author, createdAt }`. */
export const POST = viewerRoute(spec, async ({ params, body, ticket }) => {
  const comment = await ticket.add(params.id, body.text);
  return comment ? jsonOk(comment, 201) : notFound();
});
