import { describe, expect, it } from 'vitest';
import { loginSchema, newPasswordSchema, registerSchema } from './validation';

const valid = { username: 'maya.bakes', email: 'maya@example.com', password: 'long enough' };
const errorsOf = (input: object) => {
  const result = registerSchema.safeParse({ ...valid, ...input });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('registerSchema', () => {
  it('accepts a valid sign-up and normalises username and email', () => {
    const parsed = registerSchema.parse({ ...valid, username: '  Maya.Bakes ', email: ' Maya@Example.COM ' });
    expect(parsed).toEqual({ username: 'maya.bakes', email: 'maya@example.com', password: 'long enough' });
  });

  it.each([
    ['ab', 'at least 3'],
    ['a'.repeat(31), 'at most 30'],
    ['has space', 'letters, numbers, dots and underscores'],
    ['emoji🍪', 'letters, numbers, dots and underscores'],
    ['dash-name', 'letters, numbers, dots and underscores'],
  ])('refuses username %j', (username, message) => {
    expect(errorsOf({ username }).join()).toContain(message);
  });

  it.each(['', 'no-at-sign', 'a@b', '@example.com'])('refuses email %j', (email) => {
    expect(errorsOf({ email }).join()).toContain('email: Enter a valid email address.');
  });

  it('counts password length in characters, not bytes or UTF-16 units', () => {
    const lengthOk = (password: string) => newPasswordSchema.safeParse(password).success;
    expect(errorsOf({ password: '1234567' }).join()).toContain('at least 8');
    expect(lengthOk('🍪🍪🍪🍪🍪🍪🍪🍪')).toBe(true); // 8 characters, 32 bytes
    expect(lengthOk('a'.repeat(64))).toBe(true);
    expect(errorsOf({ password: 'a'.repeat(65) }).join()).toContain('at most 64');
  });

  it.each([
    ['password', 'ten most used'],
    ['iloveyou1234', 'close to a common password'],
    ['qwertyuiop', 'hundred most used'],
    ['maya.bakes2024', 'your username or email'],
    ['aaaaaaaaaaaa', 'Repeated characters'],
  ])('refuses the guessable password %j, saying why', (password, why) => {
    const errors = errorsOf({ password }).join();
    expect(errors).toContain('too easy to guess');
    expect(errors).toContain(why);
  });

  it.each(['correct horse battery', 'Tr0ub4dor&3x', 'cookies-and-cream', 'ünïcödé pässwörd ok'])(
    'accepts the hard-to-guess password %j',
    (password) => {
      expect(errorsOf({ password })).toEqual([]);
    },
  );

  it('refuses a password longer than the 72 bytes bcrypt reads, instead of truncating it', () => {
    const password = '🍪'.repeat(19); // 19 characters, 76 bytes
    expect(errorsOf({ password }).join()).toContain('at most 72 bytes');
  });
});

describe('loginSchema', () => {
  it('normalises the email and requires both fields', () => {
    expect(loginSchema.parse({ email: ' A@B.co ', password: 'x' })).toEqual({ email: 'a@b.co', password: 'x' });
    expect(loginSchema.safeParse({ email: '', password: '' }).success).toBe(false);
  });
});
