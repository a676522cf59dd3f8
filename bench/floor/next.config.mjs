// The framework floor (npm run bench): the cheapest dynamic page and route handler Next.js 16
// serves behind a pass-through proxy, built and started like the app. No auth, no database.
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next.js and React come from the repository's node_modules, two levels up.
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
};

export default nextConfig;
