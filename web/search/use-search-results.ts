import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { useAppServices } from '../app-services';
import { idDigits, memberNikMinDigits, searchMemberNiks, searchRecords, withMemberHits, type HouseholdHit, type SearchResults } from '../queries/search-records';

/** Member NIKs are matched by reading every household: only once typing has paused this long. */
const memberSearchDelayMs = 300;

/**
 * A live query that keeps showing the last answer while the next one runs, so the results do not
 * blink away on every keystroke (useLiveQuery clears them, rightly, when the subject changes).
 */
function useLiveAnswer<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [answer, setAnswer] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setAnswer({ value }),
      error: (error: unknown) => console.error('A search failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller names what the query depends on, as with useEffect.
  }, deps);
  return answer?.value;
}

type MemberAnswer = { digits: string; households: HouseholdHit[]; more: boolean } | null;

/** The search's results for a query, kept current as records change (a sync, another tab). */
export function useSearchResults(query: string): { results: SearchResults; query: string } | undefined {
  const { db } = useAppServices();
  const indexed = useLiveAnswer(async () => ({ query, results: await searchRecords(db, query) }), [db, query]);

  const digits = idDigits(query);
  const memberDigits = digits && digits.length >= memberNikMinDigits ? digits : null;
  const [pausedDigits, setPausedDigits] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setPausedDigits(memberDigits), memberSearchDelayMs);
    return () => clearTimeout(timer);
  }, [memberDigits]);
  const members = useLiveAnswer<MemberAnswer>(
    async () => (pausedDigits ? { digits: pausedDigits, ...(await searchMemberNiks(db, pausedDigits)) } : null),
    [db, pausedDigits],
  );

  if (!indexed) return undefined;
  // Member matches belong to the query they were made for, never to the one typed since.
  const current = members && members.digits === idDigits(indexed.query) ? members : undefined;
  return { query: indexed.query, results: withMemberHits(indexed.results, current) };
}
