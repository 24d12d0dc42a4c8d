import { describe, expect, it } from 'vitest';
import { formatBytes, storageLevel, storageState } from './storage-level';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('the storage level', () => {
  it('is low below 15% or 200 MB free, critical below 5% or 50 MB', () => {
    expect(storageLevel(1 * GB, 10 * GB)).toBe('ok');
    expect(storageLevel(8.6 * GB, 10 * GB)).toBe('low'); // 14% free
    expect(storageLevel(9.6 * GB, 10 * GB)).toBe('critical'); // 4% free
    expect(storageLevel(0, 150 * MB)).toBe('low'); // all of it free, but only 150 MB
    expect(storageLevel(100 * MB, 140 * MB)).toBe('critical');
    expect(storageLevel(2 * GB, 1 * GB)).toBe('critical'); // over quota
  });

  it('is unknown without a quota', () => {
    expect(storageState(undefined)).toBeNull();
    expect(storageState({ usage: 10, quota: 0 })).toBeNull();
    expect(storageState({ usage: 1 * GB, quota: 4 * GB })).toEqual({ usage: 1 * GB, quota: 4 * GB, free: 3 * GB, level: 'ok' });
  });
});

describe('bytes in words', () => {
  const id = new Intl.NumberFormat('id', { maximumFractionDigits: 2 }).format;
  it('are MB with one decimal, GB from 1,024 MB', () => {
    expect(formatBytes(12.34 * MB, id)).toBe('12,3 MB');
    expect(formatBytes(0, id)).toBe('0 MB');
    expect(formatBytes(1.25 * GB, id)).toBe('1,3 GB');
  });
});
