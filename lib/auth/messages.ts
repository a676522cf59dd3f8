// What the auth flows say to people, in one place: the forms, the JSON API and the proxy use
// the same words. Web APIs only (the proxy imports it).

/** One message for an unknown email and a wrong password: it must not say which. */
export const INVALID_CREDENTIALS = 'Invalid email or password';

export const TAKEN = {
  username: 'That username is taken. Try another one.',
  email: 'An account with this email already exists. Log in instead?',
} as const;

export const AUTH_REQUIRED = 'Authentication required. Log in and try again.';

export const BUSY = 'Too many people are logging in right now. Please try again in a few seconds.';
