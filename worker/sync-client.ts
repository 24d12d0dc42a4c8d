import { Workbox } from 'workbox-window';
import type { LocalDb } from './local-db';
import { dexieSyncStore } from './dexie-sync-store';
import { syncOnce, type SyncOutcome } from './sync-engine';
import { createSyncScheduler } from './sync-scheduler';
import { syncMessage } from './sync-message';
import { fetchTransport } from './transport';

/**
 * The page's side of sync. It asks the service worker to sync; only while no worker controls the
 * page yet (the very first visit) does it run the same engine itself, under the same Web Lock.
 */
export function createSyncClient(db: LocalDb, baseUrl: string) {
  let workbox: Workbox | undefined;
  const inPage = createSyncScheduler(() => syncOnce(dexieSyncStore(db), fetchTransport(baseUrl)));

  async function requestSync(): Promise<SyncOutcome> {
    if (workbox && navigator.serviceWorker?.controller) {
      try {
        return (await workbox.messageSW({ type: syncMessage })) as SyncOutcome;
      } catch {
        // The worker went away mid-request; fall through and sync here.
      }
    }
    return inPage();
  }

  function start(): void {
    if ('serviceWorker' in navigator) {
      workbox = new Workbox(import.meta.env.DEV ? '/dev-sw.js?dev-sw' : '/sw.js', {
        type: import.meta.env.DEV ? 'module' : 'classic',
      });
      workbox.addEventListener('controlling', () => void requestSync());
      void workbox.register();
    }
    // Triggers from the page: coming online, coming back into view, and a steady beat while open.
    window.addEventListener('online', () => void requestSync());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void requestSync();
    });
    setInterval(() => {
      if (document.visibilityState === 'visible') void requestSync();
    }, 60_000);
    void requestSync();
  }

  return { start, requestSync };
}
