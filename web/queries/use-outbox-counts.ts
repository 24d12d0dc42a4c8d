import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';
import { readOutboxCounts, type OutboxCounts } from './outbox-counts';

/** How many local changes wait for the server, and how many it refused; kept current. */
export function useOutboxCounts(): OutboxCounts | undefined {
  const { db } = useAppServices();
  return useLiveQuery(() => readOutboxCounts(db), [db]);
}
