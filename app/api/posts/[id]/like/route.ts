import { type NextRequest, NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/dal';
import { parsePostId } from '@/lib/posts/post-id';
import { setLike } from '@/lib/posts/queries';

type Context = RouteContext<'/api/posts/[id]/like'>;

const jsonError = (status: number, error: string) =>
  NextResponse.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });

async function handle(context: Context, liked: boolean) {
  // Checked here as well as in the proxy: the proxy alone is never trusted.
  const user = await getCurrentUser();
  if (!user) return jsonError(401, 'Authentication required. Log in and try again.');

  const postId = parsePostId((await context.params).id);
  if (postId === null) return jsonError(400, 'Post id must be a positive whole number.');

  const state = await setLike(user.id, postId, liked);
  if (!state) return jsonError(404, 'Post not found.');
  return NextResponse.json(state, { headers: { 'Cache-Control': 'no-store' } });
}

export function POST(_request: NextRequest, context: Context) {
  return handle(context, true);
}

export function DELETE(_request: NextRequest, context: Context) {
  return handle(context, false);
}
