import { exportMyData } from '@/lib/account/export';
import { viewerRoute } from '@/lib/http/route';

/**
 * "Download your data": the viewer's own data as a JSON file, streamed as it is read. No id in the
 * request: whose data is decided by the login alone.
 */
export const GET = viewerRoute({}, async () => {
  const { filename, body } = await exportMyData();
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
