import { describe, expect, it } from 'vitest';
import { runAlone } from './run-alone';

describe('runAlone', () => {
  it('refuses a second run started before the first has finished (a double click in one frame), and runs again after', async () => {
    const flag = { current: false };
    const runs: string[] = [];
    let finish!: () => void;
    const first = runAlone(flag, () => new Promise<void>((resolve) => ((finish = resolve), runs.push('first'))));
    const second = runAlone(flag, async () => void runs.push('second'));
    expect(await second).toBe(false);
    finish();
    expect(await first).toBe(true);
    expect(runs).toEqual(['first']);
    expect(await runAlone(flag, async () => void runs.push('third'))).toBe(true);
    expect(runs).toEqual(['first', 'third']);
  });

  it('frees the flag when the work throws', async () => {
    const flag = { current: false };
    await expect(runAlone(flag, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(flag.current).toBe(false);
  });
});
