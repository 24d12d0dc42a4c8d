import type { Workbox } from 'workbox-window';
import type { LocalDb } from './local-db';
import type { SyncOutcome } from './sync-engine';
import { workerMessages } from './sync-message';
import { createSyncScheduler } from './sync-scheduler';

/**
 * The engine for the page's own rounds, loaded only when first needed: once a service worker
 * controls the page (every start but the first visit) the page never runs it, so its code (and
 * the wire schemas it parses with) stays out of the first load.
 */
async function syncInPage(db: LocalDb, baseUrl: string): Promise<SyncOutcome> {
  const [{ syncOnce }, { dexieSyncStore }, { fetchTransport }] = await Promise.all([
    import('./sync-engine'),
    import('./dexie-sync-store'),
    import('./transport'),
  ]);
  return syncOnce(dexieSyncStore(db), fetchTransport(baseUrl));
}

/** workbox-window too loads after the first screen: registering the worker can wait a moment. */
const workboxWindow = () => import('workbox-window');

/**
 * The page's side of sync. It asks the service worker that controls the page to sync; only while
 * no worker controls it yet (the very first visit) does it run the same engine itself, under the
 * same Web Lock. It also reports a new app version that waits for the outbox to drain (S19).
 */
export function createSyncClient(db: LocalDb, baseUrl: string) {
  let workbox: Workbox | undefined;
  let updateWaiting = false;
  const updateListeners = new Set<(waiting: boolean) => void>();
  const inPage = createSyncScheduler(() => syncInPage(db, baseUrl));

  async function requestSync(): Promise<SyncOutcome> {
    const controller = navigator.serviceWorker?.controller;
    let outcome: SyncOutcome | undefined;
    if (controller) {
      try {
        const { messageSW } = await workboxWindow();
        outcome = (await messageSW(controller, { type: workerMessages.sync })) as SyncOutcome;
      } catch {
        // The worker went away mid-request; sync here instead.
      }
    }
    outcome ??= await inPage();
    if (!outcome.ok && outcome.kind === 'outdated') void workbox?.update();
    return outcome;
  }

  function setUpdateWaiting(waiting: boolean) {
    updateWaiting = waiting;
    for (const listener of updateListeners) listener(waiting);
  }

  function start(): void {
    if ('serviceWorker' in navigator) {
      // A page that already had a worker and gets a new one was taken over by a new version:
      // load its code. A first visit only gains its first worker: sync through it.
      let hadController = Boolean(navigator.serviceWorker.controller);
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (hadController) location.reload();
        else void requestSync();
        hadController = true;
      });
      void workboxWindow().then(({ Workbox }) => {
        workbox = new Workbox(import.meta.env.DEV ? '/dev-sw.js?dev-sw' : '/sw.js', {
          type: import.meta.env.DEV ? 'module' : 'classic',
        });
        workbox.addEventListener('waiting', () => setUpdateWaiting(true));
        void workbox.register();
      });
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

  return {
    start,
    requestSync,
    /** Calls back with whether a new version is installed and waiting; returns an unsubscribe. */
    onUpdateWaiting(listener: (waiting: boolean) => void): () => void {
      updateListeners.add(listener);
      listener(updateWaiting);
      return () => updateListeners.delete(listener);
    },
    /** The user chose to update now: unsent changes stay in the outbox and are migrated. */
    applyUpdate(): void {
      workbox?.messageSkipWaiting();
    },
  };
}
