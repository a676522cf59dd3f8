import type { Metadata } from 'next';
import { PeoplePage, peopleTitle } from '../people-page';

export async function generateMetadata({ params }: PageProps<'/u/[username]/followers'>): Promise<Metadata> {
  return { title: await peopleTitle((await params).username, 'followers') };
}

export default async function FollowersPage({ params }: PageProps<'/u/[username]/followers'>) {
  return <PeoplePage raw={(await params).username} side="followers" />;
}
