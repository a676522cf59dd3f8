export function SubmitButton({ children, pending }: { children: string; pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending || undefined}
      className="mt-2 rounded-lg bg-brand px-4 py-2.5 font-semibold text-white transition hover:bg-brand-strong disabled:cursor-wait disabled:opacity-70"
    >
      {children}
    </button>
  );
}
