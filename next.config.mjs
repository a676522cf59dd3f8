const isProduction = process.env.NODE_ENV === 'production';

// Headers for every response, static files included. The Content-Security-Policy needs a fresh
// nonce per request, so proxy.ts sets it.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ...(isProduction ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Loaded from node_modules at run time, never bundled: better-sqlite3 is a native addon, and
  // piscina starts worker threads from files on disk (lib/auth/password-worker.mjs).
  serverExternalPackages: ['better-sqlite3', 'piscina'],
  // The password worker is loaded by path at run time, so the tracer does not follow its
  // imports: ship bcryptjs with every function (Vercel copies only traced files). piscina lowers
  // its threads' priority through @napi-rs/nice, which it loads optionally and the tracer misses:
  // without it the threads silently run at normal priority. The demo drawings are read from disk
  // by the seed.
  outputFileTracingIncludes: {
    '/*': ['./lib/auth/password-worker.mjs', './node_modules/bcryptjs/**/*', './node_modules/@napi-rs/nice*/**/*', './lib/db/demo-art/*.svg'],
  },
  experimental: {
    // The proxy buffers request bodies up to this size and silently cuts the rest. Kept above
    // the upload limit (UPLOAD_MAX_BYTES, lib/posts/limits.ts; next-config.test.ts checks), so a
    // body the proxy cut is necessarily over that limit, and the route refuses it with a 413.
    proxyClientMaxBodySize: 16 * 1024 * 1024,
  },
  async headers() {
    // Pages opened from mailed links hold a token in their URL: no Referer may carry it anywhere.
    const tokenPages = ['/reset-password', '/verify-email'];
    return [
      { source: '/:path*', headers: securityHeaders },
      ...tokenPages.map((source) => ({ source, headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] })),
    ];
  },
};

export default nextConfig;
