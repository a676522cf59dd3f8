import { describe, expect, it } from 'vitest';
import { isBusy, retryWhileBusy } from './busy-retry';

const busy = () => Object.assign(new Error('SQLITE_BUSY: SQLite error: database is locked'), { code: 'SQLITE_BUSY' });
const noSleep = () => Promise.resolve();

describe('retryWhileBusy', () => {
  it('recognises SQLITE_BUSY however deep drizzle wraps it', () => {
    expect(isBusy(new Error('Failed query: insert …', { cause: busy() }))).toBe(true);
    expect(isBusy(new Error('UNIQUE constraint failed: users.email'))).toBe(false);
    expect(isBusy('SQLITE_BUSY')).toBe(false);
  });

  it('sends again while busy, then returns the answer', async () => {
    let calls = 0;
    const result = await retryWhileBusy(async () => {
      calls += 1;
      if (calls < 4) throw busy();
      return 'done';
    }, noSleep);
    expect(result).toBe('done');
    expect(calls).toBe(4);
  });

  it('does not retry other errors, and gives up after ten busy answers', async () => {
    let calls = 0;
    await expect(retryWhileBusy(() => Promise.reject(new Error(`constraint ${++calls}`)), noSleep)).rejects.toThrow('constraint 1');
    calls = 0;
    await expect(
      retryWhileBusy(() => {
        calls += 1;
        return Promise.reject(busy());
      }, noSleep),
    ).rejects.toThrow('database is locked');
    expect(calls).toBe(10);
  });
});
