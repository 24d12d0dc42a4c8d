import { describe, expect, it } from 'vitest';
import { lockAfterMs, mustUnlock } from './idle-lock';

describe('idle lock', () => {
  it('asks for the password after the app was away longer than the limit, and when it never recorded use', () => {
    const now = 1_800_000_000_000;
    expect(mustUnlock(now, now - 60_000)).toBe(false);
    expect(mustUnlock(now, now - lockAfterMs)).toBe(false);
    expect(mustUnlock(now, now - lockAfterMs - 1)).toBe(true);
    expect(mustUnlock(now, null)).toBe(true);
  });
});
