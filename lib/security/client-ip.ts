import { getConfig } from '@/lib/config';

const MAX_LENGTH = 64;

/**
 * The client address for per-client rate limits. X-Forwarded-For is only as trustworthy as the
 * proxies that write it: with TRUSTED_PROXY_HOPS=n, the n-th entry from the right is the one the
 * outermost trusted proxy saw (Vercel and nginx write it; `next start` exposed directly to the
 * internet cannot tell, and then this is whatever the client sent).
 */
export function clientIp(headers: Headers, trustedHops = getConfig().trustedProxyHops): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const index = trustedHops > 0 ? entries.length - trustedHops : 0;
  const ip = entries[Math.max(0, index)] ?? headers.get('x-real-ip') ?? 'unknown';
  return ip.slice(0, MAX_LENGTH);
}
