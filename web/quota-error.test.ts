import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quota-error';

describe('isQuotaError', () => {
  it('knows the browser’s error, as thrown and as Dexie wraps it, and nothing else', () => {
    const browser = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(browser)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', browser))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
