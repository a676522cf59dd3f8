export default function FeedLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the feed" className="flex flex-col gap-6">
      {[0, 1].map((i) => (
        <div key={i} className="animate-pulse border-neutral-200 bg-white sm:rounded-xl sm:border dark:border-neutral-800 dark:bg-neutral-950">
          <div className="flex items-center gap-3 p-3">
            <div className="size-8 rounded-full bg-neutral-200 dark:bg-neutral-800" />
            <div className="h-3 w-24 rounded bg-neutral-200 dark:bg-neutral-800" />
          </div>
          <div className="aspect-square bg-neutral-200 dark:bg-neutral-800" />
          <div className="space-y-2 p-3">
            <div className="h-3 w-16 rounded bg-neutral-200 dark:bg-neutral-800" />
            <div className="h-3 w-3/4 rounded bg-neutral-200 dark:bg-neutral-800" />
          </div>
        </div>
      ))}
    </div>
  );
}
