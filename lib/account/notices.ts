import 'server-only';

/**
 * Tells the account's owner their password was changed, so a change they did not make does not
 * go unnoticed. Best effort: the change stands whether or not the mail goes out.
 */
export async function notifyPasswordChanged(account: { email: string; username: string }): Promise<void> {
  // Mail arrives with the mail branch (lib/mail/send.ts); until then there is nowhere to send it.
  void account;
  await Promise.resolve();
}
