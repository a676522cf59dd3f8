'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** Shows what this page's JavaScript sees in document.cookie: the HttpOnly cookie is not there. */
export function CookieProbe({ cookieName }: { cookieName: string }) {
  const visible = useSyncExternalStore(
    subscribe,
    () => document.cookie,
    () => null,
  );
  if (visible === null) return <span>checking…</span>;
  const seen = visible.split(';').some((c) => c.trim().startsWith(`${cookieName}=`));
  return (
    <span>
      <code className="font-mono">document.cookie</code> here returns{' '}
      <code className="font-mono break-all">{JSON.stringify(visible)}</code>:{' '}
      {seen ? `the ${cookieName} cookie is visible (it should not be).` : `no ${cookieName} cookie — scripts cannot read it.`}
    </span>
  );
}
