import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('clientIp', () => {
  it('takes the address the trusted proxy appended, not what the client wrote before it', () => {
    expect(clientIp(headers('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(headers('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
  });

  it('falls back to the first entry when there are fewer entries than hops, or no proxy', () => {
    expect(clientIp(headers('203.0.113.7'), 2)).toBe('203.0.113.7');
    expect(clientIp(headers('203.0.113.7, 10.0.0.2'), 0)).toBe('203.0.113.7');
  });

  it('says unknown without the header and caps absurd values', () => {
    expect(clientIp(headers(), 1)).toBe('unknown');
    expect(clientIp(headers('x'.repeat(500)), 1)).toHaveLength(64);
  });
});
