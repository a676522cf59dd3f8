// What a profile may hold, for the form (which counts as you type) and the action's schema (no
// zod here: client components import it).

export const DISPLAY_NAME_MAX = 50;
export const BIO_MAX = 150;
/**
 * A profile photo travels in the form's server action, whose bodies the proxy caps at 1 MB
 * (ACTION_BODY_LIMIT); the browser redraws a bigger photo smaller before sending.
 */
export const AVATAR_MAX_BYTES = 1024 * 1024 - 16 * 1024;
/** The browser sends profile photos at most this big on their long side (the server makes 320 px). */
export const AVATAR_CLIENT_SIDE = 640;

export const PROFILE_MESSAGES = {
  displayNameTooLong: `Display name can be at most ${DISPLAY_NAME_MAX} characters.`,
  bioTooLong: `Bio can be at most ${BIO_MAX} characters.`,
  photoTooLarge: 'This photo is over 1 MB. Please choose a smaller one.',
  saved: 'Profile saved.',
};

// Control characters are dropped, not refused: a pasted name often carries an invisible one.
// The bio keeps its line breaks (shown as typed); a display name is one line.
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

export const cleanDisplayName = (text: string) => text.replace(CONTROLS, '').trim();
export const cleanBio = (text: string) => text.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_NEWLINE, '').trim();
