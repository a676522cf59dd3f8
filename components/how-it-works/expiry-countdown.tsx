'use client';

import { useEffect, useState } from 'react';

function format(ms: number): string {
  if (ms <= 0) return 'expired';
  const total = Math.floor(ms / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return d > 0 ? `${d}d ${clock}` : clock;
}

/** Counts down to `expiresAt`; starts from the server's figure so the first paint matches. */
export function ExpiryCountdown({ expiresAt, remainingAtRender }: { expiresAt: number; remainingAtRender: number }) {
  const [remaining, setRemaining] = useState(remainingAtRender);
  useEffect(() => {
    const tick = () => setRemaining(expiresAt - Date.now());
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return (
    <span className="font-mono tabular-nums" aria-live="off">
      {format(remaining)}
    </span>
  );
}
