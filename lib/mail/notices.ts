// Mails that tell the owner something happened to their account (no link to act on, or only a
// link to look). Other modules call sendAccountNotice; the words live here.
import 'server-only';
import { headers } from 'next/headers';
import { accountById } from '@/lib/account/queries';
import { getConfig } from '@/lib/config';
import { ROUTES } from '@/lib/routes';
import { type MailContent, composeMail } from './compose';
import { type RequestContext, requestContextOf } from './request-context';
import { afterResponse } from './send';
import { deliver } from './transport';

export type NoticeKind =
  | 'password-changed'
  | 'password-reset'
  | 'email-change-requested'
  | 'email-changed'
  | 'email-taken'
  | 'new-login'
  | 'account-deleted';

type Notice = Pick<MailContent, 'subject' | 'paragraphs' | 'action'> & { footer: string };

const SECURE_IT = "If this wasn't you, reset your password now from the login page (\"Forgot password?\") and log out of all devices.";

function notice(kind: NoticeKind, username: string): Notice {
  const origin = getConfig().appOrigin;
  const sessions = { label: 'Review your sessions', url: `${origin}${ROUTES.sessions}` };
  switch (kind) {
    case 'password-changed':
      return { subject: 'Your password was changed', paragraphs: [`Hi ${username}, the password of your Cookiegram account was just changed.`], action: sessions, footer: SECURE_IT };
    case 'password-reset':
      return {
        subject: 'Your password was reset',
        paragraphs: [`Hi ${username}, the password of your Cookiegram account was just reset with a link we mailed you. Every other session was logged out.`],
        action: sessions,
        footer: SECURE_IT,
      };
    case 'email-change-requested':
      return {
        subject: 'Your email is being changed',
        paragraphs: [`Hi ${username}, someone asked to move your Cookiegram account to another email address. This address stays in force until the link sent to the new one is used.`],
        footer: SECURE_IT,
      };
    case 'email-changed':
      return { subject: 'Your email was changed', paragraphs: [`Hi ${username}, your Cookiegram account no longer uses this email address.`], footer: SECURE_IT };
    case 'email-taken':
      return {
        subject: 'Someone tried to use your email',
        paragraphs: [`Hi ${username}, someone asked to move another Cookiegram account to this email address. It is already yours, so nothing changed.`],
        footer: "If this was you, there is nothing to do. If not, you can ignore this message.",
      };
    case 'new-login':
      return {
        subject: 'New login to your account',
        paragraphs: [`Hi ${username}, your Cookiegram account was just logged in to from a browser that had not logged in to it before.`],
        action: sessions,
        footer: SECURE_IT,
      };
    case 'account-deleted':
      return { subject: 'Your account was deleted', paragraphs: [`Hi ${username}, your Cookiegram account and its photos were deleted. This cannot be undone.`], footer: 'If this wasn\'t you, reply to this message at once.' };
  }
}

/** This request's time, browser and approximate address, for a mail it causes. */
export async function currentRequestContext(): Promise<RequestContext> {
  return requestContextOf(await headers());
}

type Recipient = number | { email: string; username: string };

/**
 * Tells the owner of `recipient` (a user id, or an address and name when the account is gone)
 * what happened, after the answer. The request's context is read now, while there is one.
 */
export async function sendAccountNotice(recipient: Recipient, kind: NoticeKind, context?: RequestContext): Promise<void> {
  const ctx = context ?? (await currentRequestContext());
  afterResponse(`the "${kind}" notice`, async () => {
    const to = typeof recipient === 'number' ? await accountById(recipient) : recipient;
    if (!to) return; // deleted meanwhile: nobody to tell
    await deliver(composeNotice(to, kind, ctx));
  });
}

export function composeNotice(to: { email: string; username: string }, kind: NoticeKind, context: RequestContext) {
  const { footer, ...content } = notice(kind, to.username);
  return composeMail({ ...content, to: to.email, context }, footer);
}
