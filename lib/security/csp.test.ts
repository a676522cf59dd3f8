import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('lets images load from this site only, unless a media origin is named', () => {
    expect(directive(contentSecurityPolicy('n', false), 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(contentSecurityPolicy('n', false, 'https://media.example'), 'img-src')).toBe("img-src 'self' data: blob: https://media.example");
  });

  it('runs scripts by nonce only, and eval only in development', () => {
    expect(directive(contentSecurityPolicy('abc', false), 'script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive(contentSecurityPolicy('abc', true), 'script-src')).toContain("'unsafe-eval'");
  });
});
