/** A field's error line: always in the page (empty when fine), so screen readers announce it as it appears. */
export function FieldError({ id, children }: { id: string; children?: string | undefined }) {
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-400">
      {children}
    </p>
  );
}
