import { z } from 'zod';
import { jsonError } from '@/lib/http/json';
import { publicRoute } from '@/lib/http/route';
import { IMMUTABLE_CACHE_CONTROL, isMediaKey } from '@/lib/media/keys';
import { getMediaStore } from '@/lib/media/storage';

// Uploaded images, from whichever store STORAGE_URL names. Keys are random and immutable, so a
// response may be cached for a year; a key that is not one the app makes (a path, "..", encoded
// or not) is simply not found. The image is never a document: it can run nothing, embed
// nothing, and is never sniffed as another type.

const spec = { params: z.object({ key: z.string() }) };

const notFound = () => jsonError(404, 'No such image.');

export const GET = publicRoute(spec, async ({ request, params }) => {
  if (!isMediaKey(params.key)) return notFound();
  const object = await getMediaStore().get(params.key);
  if (!object) return notFound();
  const headers = {
    'Content-Type': object.contentType,
    'Cache-Control': IMMUTABLE_CACHE_CONTROL,
    ETag: object.etag,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const known = request.headers.get('if-none-match')?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (known?.includes(object.etag) || known?.includes('*')) {
    await object.body.cancel();
    return new Response(null, { status: 304, headers });
  }
  return new Response(object.body, { headers: { ...headers, 'Content-Length': String(object.size) } });
});
