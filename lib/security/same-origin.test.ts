import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './same-origin';

const request = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/posts/1/like', { method: 'POST', headers: { host: 'localhost:3000', ...headers } });

describe('isCrossSiteRequest', () => {
  it.each([
    [{}],
    [{ 'sec-fetch-site': 'same-origin' }],
    [{ 'sec-fetch-site': 'none' }],
    [{ origin: 'http://localhost:3000' }],
    [{ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }],
  ])('lets a same-origin or header-less request through: %j', (headers) => {
    expect(isCrossSiteRequest(request(headers))).toBe(false);
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'http://localhost:3001' }],
    [{ origin: 'null' }],
    [{ origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' }],
  ])('refuses a cross-site request: %j', (headers) => {
    expect(isCrossSiteRequest(request(headers))).toBe(true);
  });
});
