import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';

/** How many local changes the server has not acknowledged yet. */
export function usePendingCount(): number | undefined {
  const { db } = useAppServices();
  return useLiveQuery(() => db.outbox.where('state').equals('pending').count(), [db]);
}
