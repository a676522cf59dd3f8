import { NotFoundMessage } from '@/components/layout/not-found-message';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center">
      <NotFoundMessage />
    </main>
  );
}
