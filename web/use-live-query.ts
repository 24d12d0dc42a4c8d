import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The result of a Dexie query, kept current: it re-runs whenever a write (from this page, another
 * tab or the service worker) touches what it read. `undefined` until the first result arrives,
 * so a query that can find nothing should answer `null`, not `undefined`.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [result, setResult] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    // A new query must not show the previous one's answer (another unit's inspections, say).
    setResult(undefined);
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ value }),
      error: (error: unknown) => console.error('A live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller names what the query depends on, as with useEffect.
  }, deps);
  return result?.value;
}
