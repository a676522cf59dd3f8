import type { Metadata } from 'next';
import { PeoplePage, peopleTitle } from '../people-page';

export async function generateMetadata({ params }: PageProps<'/u/[username]/following'>): Promise<Metadata> {
  return { title: await peopleTitle((await params).username, 'following') };
}

export default async function FollowingPage({ params }: PageProps<'/u/[username]/following'>) {
  return <PeoplePage raw={(await params).username} side="following" />;
}
