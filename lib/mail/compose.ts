// Every mail the app sends has the same shape: a few plain paragraphs, at most one link, and a
// footer saying when, from which browser and from roughly where the request came. Plain text for
// every client, and the same as simple HTML in which everything is escaped.
import type { RequestContext } from './request-context';

export type MailMessage = Readonly<{ to: string; subject: string; text: string; html: string }>;

export type MailContent = Readonly<{
  to: string;
  subject: string;
  paragraphs: readonly string[];
  /** The one thing to click, e.g. { label: 'Reset password', url }. */
  action?: Readonly<{ label: string; url: string }>;
  /** Said after the link, e.g. "The link works once, for 30 minutes." */
  after?: readonly string[];
  context: RequestContext;
}>;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** "Thu, 03 Dec 2026 15:18:33 UTC": one zone for everyone, since we do not know the reader's. */
export const mailTime = (at: number) => new Date(at).toUTCString().replace('GMT', 'UTC');

export function contextLine({ at, browser, address }: RequestContext): string {
  return `Requested ${mailTime(at)} from ${browser}, near ${address}.`;
}

const NOT_YOU = "If this wasn't you, you can ignore this message; nothing changes unless the link is used.";

export function composeMail(content: MailContent, footer = NOT_YOU): MailMessage {
  const { to, subject, paragraphs, action, after = [], context } = content;
  const closing = [contextLine(context), footer];
  const text = [
    ...paragraphs,
    ...(action ? [`${action.label}: ${action.url}`] : []),
    ...after,
    '—',
    ...closing,
    'Cookiegram',
  ].join('\n\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:32rem">',
    ...paragraphs.map(p),
    ...(action
      ? [`<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#ea580c;color:#fff;border-radius:.5rem;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>`,
         `<p style="font-size:.85rem;color:#555">Or paste this into your browser: ${escapeHtml(action.url)}</p>`]
      : []),
    ...after.map(p),
    '<hr>',
    ...closing.map((s) => `<p style="font-size:.85rem;color:#555">${escapeHtml(s)}</p>`),
    '</body></html>',
  ].join('\n');
  return { to, subject, text, html };
}
