import { formatCount } from '@/lib/text/format';

/** "12 / 2,200", red once over: read with the field it describes (aria-describedby), not announced per key. */
export function TextCounter({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length > max;
  return (
    <p id={id} className={`self-end text-xs tabular-nums ${over ? 'font-semibold text-red-700 dark:text-red-400' : 'text-neutral-500 dark:text-neutral-400'}`}>
      {formatCount(length)} / {formatCount(max)} characters
    </p>
  );
}
