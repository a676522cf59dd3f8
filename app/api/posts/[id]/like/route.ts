import { z } from 'zod';
import { viewerRoute } from '@/lib/http/route';
import { jsonError, jsonOk } from '@/lib/http/json';
import { postIdSchema } from '@/lib/posts/post-id';
import { setLike } from '@/lib/posts/queries';

const spec = { params: z.object({ id: postIdSchema }) };

const answer = (state: Awaited<ReturnType<typeof setLike>>) => (state ? jsonOk(state) : jsonError(404, 'Post not found.'));

/** Like (POST) or unlike (DELETE) a post, idempotently: `{ liked, likeCount }`. */
export const POST = viewerRoute(spec, async ({ params }) => answer(await setLike(params.id, true)));
export const DELETE = viewerRoute(spec, async ({ params }) => answer(await setLike(params.id, false)));
