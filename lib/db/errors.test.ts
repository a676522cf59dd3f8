import { describe, expect, it } from 'vitest';
import { isBusy } from './errors';

const busy = () => Object.assign(new Error('SQLITE_BUSY: SQLite error: database is locked'), { code: 'SQLITE_BUSY' });

describe('isBusy', () => {
  it('recognises SQLITE_BUSY however deep it is wrapped, and nothing else', () => {
    expect(isBusy(busy())).toBe(true);
    expect(isBusy(new Error('Failed query: insert …', { cause: busy() }))).toBe(true);
    expect(isBusy(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isBusy(new Error('database is locked'))).toBe(false);
    expect(isBusy('SQLITE_BUSY')).toBe(false);
  });
});
