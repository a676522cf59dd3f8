import { jsonOk } from '@/lib/http/json';
import { viewerRoute } from '@/lib/http/route';
import { UPLOAD_MAX_BYTES } from '@/lib/posts/limits';
import { admitUpload, refusedUpload } from '@/lib/posts/publishing';
import { uploadSchema } from '@/lib/posts/schemas';
import { postPath } from '@/lib/routes';

// Admitted (a place among the uploads in flight, one of the hour's 30 posts) before the body is read.
const spec = { admit: admitUpload, body: { schema: uploadSchema, maxBytes: UPLOAD_MAX_BYTES, type: 'multipart' as const } };

/** Publishes a photo: multipart `photo`, `caption`, `alt` → 201 `{ id, url }`. */
export const POST = viewerRoute(spec, async ({ body, ticket }) => {
  const result = await ticket.publish(body);
  return result.ok ? jsonOk({ id: result.id, url: postPath(result.id) }, 201) : refusedUpload(result);
});
