import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay';

describe('retry delay after a server fault', () => {
  it('S15: grows exponentially, respects Retry-After, is capped, and is jittered', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3].map((a) => retryDelayMs(a, 0, middle))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(0, 30_000, middle)).toBe(30_000);
    expect(retryDelayMs(20, 0, middle)).toBe(300_000);
    expect(retryDelayMs(1, 0, () => 0)).toBe(2_000);
    expect(retryDelayMs(1, 0, () => 0.999)).toBeCloseTo(5_996, -1);
  });
});
