import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config';
import { parseSecrets } from './secret';

const strong = 'k'.repeat(32);
const previous = 'p'.repeat(40);

describe('parseSecrets (AUTH_SECRET)', () => {
  it('refuses to run in production without a secret, saying how to make one', () => {
    expect(() => parseSecrets(undefined, true)).toThrow(ConfigError);
    expect(() => parseSecrets('', true)).toThrow(/openssl rand -base64 32/);
  });

  it('leaves development without a secret to the generated one', () => {
    expect(parseSecrets(undefined, false)).toBeUndefined();
  });

  it('refuses a secret shorter than 32 bytes, current or previous', () => {
    expect(() => parseSecrets('short', false)).toThrow(/AUTH_SECRET must be at least 32 bytes/);
    expect(() => parseSecrets(`${strong},short`, true)).toThrow(/Previous secret #1/);
  });

  it('reads "current,previous" with the current one first', () => {
    expect(parseSecrets(` ${strong} , ${previous} `, true)).toEqual([strong, previous]);
  });
});
