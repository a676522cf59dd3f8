import { z } from 'zod';
import { jsonError, jsonOk, retryLater } from '@/lib/http/json';
import { viewerRoute } from '@/lib/http/route';
import { retryMessage } from '@/lib/security/rate-limit';
import { type FollowResult, setFollow } from '@/lib/users/follows';
import { usernameParam } from '@/lib/users/username';

const spec = { params: z.object({ username: usernameParam }) };

function answer(result: FollowResult) {
  if (result.ok) return jsonOk({ following: result.following, followerCount: result.followerCount });
  if (result.reason !== 'rate-limited') return result.reason === 'yourself' ? jsonError(400, 'You cannot follow yourself.') : jsonError(404, 'User not found.');
  return retryLater(429, `You have followed a lot of people this hour. ${retryMessage(result.retryAfterSeconds)}`, result.retryAfterSeconds);
}

/** Follow (POST) or unfollow (DELETE) someone, idempotently: `{ following, followerCount }`. */
export const POST = viewerRoute(spec, async ({ params }) => answer(await setFollow(params.username, true)));
export const DELETE = viewerRoute(spec, async ({ params }) => answer(await setFollow(params.username, false)));
