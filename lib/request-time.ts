import 'server-only';
import { cache } from 'react';

/** The moment this request is rendered: one clock reading shared by every server component. */
export const requestTime = cache((): number => Date.now());
