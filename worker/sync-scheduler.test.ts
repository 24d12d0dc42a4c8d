import { describe, expect, it } from 'vitest';
import { createSyncScheduler } from './sync-scheduler';

describe('sync scheduler', () => {
  it('S9: runs one round at a time, and requests during a round make exactly one more', async () => {
    let active = 0;
    let maxActive = 0;
    let rounds = 0;
    const releases: (() => void)[] = [];
    const requestSync = createSyncScheduler(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      rounds++;
      await new Promise<void>((resolve) => releases.push(resolve));
      active--;
      return rounds;
    });
    const first = requestSync();
    const during = [requestSync(), requestSync(), requestSync()];
    await new Promise((r) => setTimeout(r, 0));
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    releases.shift()!();
    expect(await first).toBe(2);
    expect(await Promise.all(during)).toEqual([2, 2, 2]);
    expect(rounds).toBe(2);
    expect(maxActive).toBe(1);
    // After it settles, a new request starts a new round.
    const later = requestSync();
    await new Promise((r) => setTimeout(r, 0));
    releases.shift()!();
    expect(await later).toBe(3);
  });
});
