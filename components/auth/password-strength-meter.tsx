'use client';

import { useEffect, useState } from 'react';
import type { Strength, passwordStrength } from '@/lib/auth/password-strength';

type Checker = typeof passwordStrength;

const BAR_COLORS = ['bg-red-600', 'bg-red-500', 'bg-amber-500', 'bg-lime-600', 'bg-green-600'];

/**
 * A live strength meter using the same zxcvbn check as the server. The dictionary is large, so
 * it loads only once the person starts typing a password.
 */
export function PasswordStrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [check, setCheck] = useState<Checker | null>(null);
  const wanted = password.length > 0;

  useEffect(() => {
    if (!wanted || check) return;
    let cancelled = false;
    void import('@/lib/auth/password-strength').then((m) => {
      if (!cancelled) setCheck(() => m.passwordStrength);
    });
    return () => {
      cancelled = true;
    };
  }, [wanted, check]);

  const strength: Strength | null = wanted && check ? check(password, userInputs) : null;
  return (
    <div id="password-strength" aria-live="polite" className="flex min-h-10 flex-col gap-1">
      {strength ? (
        <>
          <div className="flex gap-1" aria-hidden="true">
            {[0, 1, 2, 3].map((i) => (
              <span
                key={i}
                className={`h-1.5 flex-1 rounded-full ${i < Math.max(1, strength.score) ? BAR_COLORS[strength.score] : 'bg-neutral-200 dark:bg-neutral-800'}`}
              />
            ))}
          </div>
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Strength: <strong>{strength.label}</strong>
            {strength.hint ? ` — ${strength.hint}` : strength.acceptable ? '' : ' — add a few more words or characters.'}
          </p>
        </>
      ) : null}
    </div>
  );
}
