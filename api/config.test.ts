import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('HUNIAN_SEED', () => {
  it('loads the full demo by default, and as before with 1', () => {
    expect(configFromEnv({}).seed).toBe('demo');
    expect(configFromEnv({ HUNIAN_SEED: '1' }).seed).toBe('demo');
    expect(configFromEnv({ HUNIAN_SEED: 'demo' }).seed).toBe('demo');
  });

  it('loads the small seed the API tests use, or nothing', () => {
    expect(configFromEnv({ HUNIAN_SEED: 'small' }).seed).toBe('small');
    expect(configFromEnv({ HUNIAN_SEED: '0' }).seed).toBe('none');
    expect(configFromEnv({ HUNIAN_SEED: 'none' }).seed).toBe('none');
  });

  it('refuses a value it does not know, rather than guess', () => {
    expect(() => configFromEnv({ HUNIAN_SEED: 'full' })).toThrow(/HUNIAN_SEED/);
  });
});
