const TONES = {
  error: 'border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200',
  success: 'border-green-200 bg-green-50 text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200',
} as const;

function Announced({ role, tone, text }: { role: 'alert' | 'status'; tone: keyof typeof TONES; text?: string | undefined }) {
  return (
    <div role={role} className="empty:hidden">
      {text ? <p className={`rounded-lg border px-3 py-2 text-sm ${TONES[tone]}`}>{text}</p> : null}
    </div>
  );
}

/** A form-level message (e.g. wrong credentials), announced when it appears. */
export function FormMessage({ message }: { message?: string | undefined }) {
  return <Announced role="alert" tone="error" text={message} />;
}

/** A form-level success message (e.g. "we've sent a link"), announced politely when it appears. */
export function FormNotice({ notice }: { notice?: string | undefined }) {
  return <Announced role="status" tone="success" text={notice} />;
}
