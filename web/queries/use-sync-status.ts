import { initialSyncStatus, type SyncStatus } from '../../worker';
import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';

/** The sync status as the engine (in this page or the service worker) last wrote it. */
export function useSyncStatus(): SyncStatus | undefined {
  const { db } = useAppServices();
  return useLiveQuery(async () => (await db.getMeta('syncStatus')) ?? initialSyncStatus, [db]);
}
