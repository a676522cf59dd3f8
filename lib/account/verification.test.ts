// REQUIRE_VERIFIED_EMAIL=on: posting, commenting and following wait for a confirmed email (this file's own config: vitest
// loads the app's modules afresh per file).
import { beforeAll, describe, expect, it } from 'vitest';
import { EmailUnverifiedError } from '@/lib/auth/dal';
import { admitComment } from '@/lib/comments/queries';
import { admitUpload } from '@/lib/posts/publishing';
import { setFollow } from '@/lib/users/follows';
import { createUser } from '@/lib/users/queries';
import { useTestDatabase } from '@/testing/database';
import { asViewer } from '@/testing/viewer';
import { confirmEmail } from './verification';
import { issueToken } from './tokens';

process.env.REQUIRE_VERIFIED_EMAIL = 'on';

describe('requireVerifiedViewer with REQUIRE_VERIFIED_EMAIL=on', () => {
  beforeAll(() => useTestDatabase(), 30_000);

  it('refuses an upload before the email is confirmed, and admits it after', async () => {
    const created = await createUser({ username: 'unconfirmed', email: 'unconfirmed@example.com', passwordHash: 'x' });
    if (!created.ok) throw new Error('no user');
    const user = created.user;
    await expect(asViewer(user, () => admitUpload())).rejects.toThrow(EmailUnverifiedError);
    await expect(asViewer(user, () => admitUpload())).rejects.toThrow(/^Confirm your email address first/);

    // A link to another address (say, an old one) confirms nothing.
    const stale = await issueToken(user.id, 'verify-email', 'old@example.com');
    expect(await confirmEmail(stale)).toEqual({ ok: false, reason: 'invalid' });
    await expect(asViewer(user, () => admitUpload())).rejects.toThrow(EmailUnverifiedError);

    expect(await confirmEmail(await issueToken(user.id, 'verify-email', 'unconfirmed@example.com'))).toEqual({ ok: true });
    const admitted = await asViewer(user, () => admitUpload());
    expect(admitted.ok).toBe(true);
    if (admitted.ok) await admitted.release();
  });

  it('refuses a comment and a follow before the email is confirmed; unfollowing still works', async () => {
    const created = await createUser({ username: 'unconfirmed2', email: 'unconfirmed2@example.com', passwordHash: 'x' });
    const other = await createUser({ username: 'someone', email: 'someone@example.com', passwordHash: 'x' });
    if (!created.ok || !other.ok) throw new Error('no user');
    const user = created.user;
    await expect(asViewer(user, () => admitComment())).rejects.toThrow(EmailUnverifiedError);
    await expect(asViewer(user, () => setFollow('someone', true))).rejects.toThrow(EmailUnverifiedError);
    expect(await asViewer(user, () => setFollow('someone', false))).toMatchObject({ ok: true, following: false });

    expect(await confirmEmail(await issueToken(user.id, 'verify-email', 'unconfirmed2@example.com'))).toEqual({ ok: true });
    expect(await asViewer(user, () => setFollow('someone', true))).toMatchObject({ ok: true, following: true });
    const admitted = await asViewer(user, () => admitComment());
    expect(admitted.ok).toBe(true);
    if (admitted.ok) await admitted.release();
  });
});
