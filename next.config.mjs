/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Loaded from node_modules at run time, never bundled: better-sqlite3 is a native addon, and
  // piscina starts worker threads from files on disk (lib/auth/password-worker.mjs).
  serverExternalPackages: ['better-sqlite3', 'piscina'],
};

export default nextConfig;
