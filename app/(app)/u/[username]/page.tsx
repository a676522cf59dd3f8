import type { Metadata } from 'next';
import { PostGrid } from '@/components/posts/post-grid';
import { ProfileHeader } from '@/components/users/profile-header';
import { profilePath } from '@/lib/routes';
import { loadMoreProfilePosts } from '@/lib/users/actions';
import { getProfileGrid } from '@/lib/users/profiles';
import { profileFor, profileTitle } from './profile-page';

export async function generateMetadata({ params }: PageProps<'/u/[username]'>): Promise<Metadata> {
  return { title: profileTitle(await profileFor((await params).username, profilePath)) };
}

export default async function ProfilePage({ params }: PageProps<'/u/[username]'>) {
  const profile = await profileFor((await params).username, profilePath);
  const grid = await getProfileGrid(profile.username, null);
  return (
    // Wider than the feed's column, as Instagram's profile is (up to 935 px).
    <div className="sm:relative sm:left-1/2 sm:w-[min(935px,calc(100vw-2rem))] sm:-translate-x-1/2">
      <ProfileHeader profile={profile} />
      <h2 className="sr-only">Posts</h2>
      <PostGrid
        initial={grid}
        loadMore={loadMoreProfilePosts.bind(null, profile.username)}
        empty={profile.isMe ? 'Share your first photo: it will show up here.' : 'No posts yet.'}
      />
    </div>
  );
}
