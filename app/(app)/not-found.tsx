import { NotFoundMessage } from '@/components/layout/not-found-message';

// A post or page that does not exist, inside the app's own layout (top bar and <main>).
export default function AppNotFound() {
  return <NotFoundMessage />;
}
