/** A form-level message (e.g. wrong credentials), announced when it appears. */
export function FormMessage({ message }: { message?: string }) {
  return (
    <div role="alert" className="empty:hidden">
      {message ? (
        <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {message}
        </p>
      ) : null}
    </div>
  );
}
