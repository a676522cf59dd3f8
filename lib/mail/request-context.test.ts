import { describe, expect, it } from 'vitest';
import { approximateAddress, requestContextOf } from './request-context';

describe('approximateAddress', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1::/48'],
    ['2001:0db8:00a1::5', '2001:db8:a1::/48'],
    ['2001:db8::1', '2001:db8::/48'],
    ['::1', '::/48'],
    ['unknown', 'unknown'],
    ['<script>', 'unknown'],
  ])('%s → %s', (ip, expected) => expect(approximateAddress(ip)).toBe(expected));
});

describe('requestContextOf', () => {
  it('reads the browser and the address the trusted proxy saw', () => {
    const headers = new Headers({
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
      'x-forwarded-for': '10.0.0.1, 203.0.113.77',
    });
    expect(requestContextOf(headers, 5)).toEqual({ at: 5, browser: 'Firefox on Windows', address: '203.0.113.0/24' });
  });
});
