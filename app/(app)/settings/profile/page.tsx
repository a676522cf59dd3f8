import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfileForm } from '@/components/users/profile-form';
import { UserLink } from '@/components/users/user-link';
import { verifySession } from '@/lib/auth/dal';
import { getProfile } from '@/lib/users/profiles';

export const metadata: Metadata = { title: 'Edit profile' };

export default async function ProfileSettingsPage() {
  const viewer = await verifySession();
  const profile = await getProfile(viewer.username);
  if (!profile) notFound();
  return (
    <section aria-labelledby="edit-profile-heading" className="flex flex-col gap-4 px-4 sm:px-0">
      <div>
        <h1 id="edit-profile-heading" className="text-xl font-semibold">
          Edit profile
        </h1>
        <p className="text-sm text-neutral-500 dark:text-neutral-400">
          As others see it on <UserLink username={profile.username} className="font-semibold underline-offset-2 hover:underline" />.
        </p>
      </div>
      <ProfileForm username={profile.username} displayName={profile.displayName} bio={profile.bio} avatar={profile.avatar} />
    </section>
  );
}
