// Where and how the request that caused a mail came from, told in the mail itself ("requested on
// … from Firefox on Windows, near 203.0.113.0/24"), so the owner can judge a message they did not
// ask for. Approximate on purpose: a mail sent to someone who may not be the requester never
// carries a full address.
import { isIPv4, isIPv6 } from 'node:net';
import { describeUserAgent } from '@/lib/auth/user-agent';
import { clientIp } from '@/lib/security/client-ip';

export type RequestContext = Readonly<{
  /** When, in ms since the epoch. */
  at: number;
  /** "Firefox on Windows": lib/auth/user-agent.ts's short form. */
  browser: string;
  /** The client address truncated: /24 for IPv4, /48 for IPv6; "unknown" when there is none. */
  address: string;
}>;

/** 203.0.113.7 → 203.0.113.0/24; 2001:db8:1:2::5 → 2001:db8:1::/48, ::1 → ::/48; anything else → unknown. */
export function approximateAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = mapped ?? ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return 'unknown';
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  const prefix = groups.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, ''));
  while (prefix.at(-1) === '0') prefix.pop();
  return `${prefix.join(':')}::/48`;
}

/** The context of a request, from its headers. */
export function requestContextOf(headers: Headers, at = Date.now()): RequestContext {
  return { at, browser: describeUserAgent(headers.get('user-agent') ?? ''), address: approximateAddress(clientIp(headers)) };
}
