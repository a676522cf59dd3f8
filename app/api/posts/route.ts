import { jsonError, jsonOk, retryLater } from '@/lib/http/json';
import { viewerRoute } from '@/lib/http/route';
import { UPLOAD_MAX_BYTES } from '@/lib/posts/limits';
import { uploadSchema } from '@/lib/posts/schemas';
import { createPost } from '@/lib/posts/publishing';
import { postPath } from '@/lib/routes';
import { retryMessage } from '@/lib/security/rate-limit';

const spec = { body: { schema: uploadSchema, maxBytes: UPLOAD_MAX_BYTES, type: 'multipart' as const } };

/** Publishes a photo: multipart `photo`, `caption`, `alt` → 201 `{ id, url }`. */
export const POST = viewerRoute(spec, async ({ body }) => {
  const result = await createPost({ photo: new Uint8Array(await body.photo.arrayBuffer()), caption: body.caption, alt: body.alt });
  if (result.ok) return jsonOk({ id: result.id, url: postPath(result.id) }, 201);
  switch (result.reason) {
    case 'rejected':
      return jsonError(result.status, result.message);
    case 'rate-limited':
      return retryLater(429, `You have shared a lot of photos this hour. ${retryMessage(result.retryAfterSeconds)}`, result.retryAfterSeconds);
    case 'busy':
      return retryLater(503, 'We are busy processing other photos. Please try again in a moment.', result.retryAfterSeconds);
  }
});
