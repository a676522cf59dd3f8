import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/dal';
import { refuseCrossSite } from '@/lib/http/guards';
import { jsonError, jsonOk } from '@/lib/http/json';
import { parsePostId } from '@/lib/posts/post-id';
import { setLike } from '@/lib/posts/queries';

type Context = RouteContext<'/api/posts/[id]/like'>;

async function handle(request: NextRequest, context: Context, liked: boolean) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  // Checked here as well as in the proxy: the proxy alone is never trusted.
  const user = await getCurrentUser();
  if (!user) return jsonError(401, 'Authentication required. Log in and try again.');

  const postId = parsePostId((await context.params).id);
  if (postId === null) return jsonError(400, 'Post id must be a positive whole number.');

  const state = await setLike(user.id, postId, liked);
  if (!state) return jsonError(404, 'Post not found.');
  return jsonOk(state);
}

export function POST(request: NextRequest, context: Context) {
  return handle(request, context, true);
}

export function DELETE(request: NextRequest, context: Context) {
  return handle(request, context, false);
}
