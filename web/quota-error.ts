/** The device ran out of storage (IndexedDB's QuotaExceededError, as thrown or as Dexie wraps it). */
export function isQuotaError(error: unknown): boolean {
  const named = (e: unknown) => typeof e === 'object' && e !== null && 'name' in e && e.name === 'QuotaExceededError';
  // Dexie wraps the browser's error and keeps it as `inner`.
  return named(error) || (typeof error === 'object' && error !== null && 'inner' in error && named(error.inner));
}
