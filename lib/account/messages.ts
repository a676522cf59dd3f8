// What the mail-backed account flows say, in one place: the pages, the actions and the JSON API
// (and the tests outside the repo that drive them by these words).

/** The one answer to "Send reset link", whether or not the address has an account. */
export const RESET_REQUESTED = "If an account exists for that email, we've sent a link to reset your password.";

/** A link that was used, replaced by a newer one, voided by a password change, or never existed. */
export const LINK_INVALID = 'This link has already been used or is no longer valid.';
export const LINK_EXPIRED = 'This link has expired.';

export const VERIFY_SENT = 'We sent you a new link. Check your inbox.';
export const EMAIL_CONFIRMED = 'Your email is confirmed. Thank you!';
export const UNVERIFIED_REFUSED = 'Confirm your email address first: open the link we sent you, or resend it from the banner at the top of the page.';
export const EMAIL_CHANGED = (email: string) => `Your email is now ${email}. Log in with it from now on.`;
/** A change-email link whose address another account took after it was sent: nothing changed. */
export const EMAIL_CHANGE_TAKEN = 'That address now belongs to another account, so your email was not changed. Your old address still works.';
