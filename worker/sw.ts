/// <reference lib="webworker" />
import { Queue } from 'workbox-background-sync';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { dexieSyncStore } from './dexie-sync-store';
import { LocalDb } from './local-db';
import { syncMessage } from './sync-message';
import { syncOnce, type SyncOutcome } from './sync-engine';
import { createSyncScheduler } from './sync-scheduler';
import { fetchTransport } from './transport';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// The app shell, so the app starts with no network; every deep link gets index.html, never /api/.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

self.skipWaiting();
clientsClaim();

const db = new LocalDb();
const store = dexieSyncStore(db);
const transport = fetchTransport(self.location.origin);
const requestSync = createSyncScheduler(() => syncOnce(store, transport));

// Background Sync is only a trigger: the queue holds placeholder requests that are never sent.
// The Dexie outbox is what holds the work (S10).
const trigger = new Queue('hunian-sync', {
  onSync: async ({ queue }) => {
    while (await queue.shiftRequest());
    const outcome = await sync();
    // Throwing tells the browser to fire the sync event again later.
    if (!outcome.ok && (outcome.kind === 'offline' || outcome.kind === 'server')) throw new Error(outcome.message);
  },
});

async function sync(): Promise<SyncOutcome> {
  const outcome = await requestSync();
  if (!outcome.ok && (outcome.kind === 'offline' || outcome.kind === 'server')) {
    // Ask the browser to wake us when the network is back, even if every page is closed. One
    // placeholder is enough: it keeps the sync tag registered until the event fires.
    if ((await trigger.size()) === 0) await trigger.pushRequest({ request: new Request('/__hunian/sync-trigger', { method: 'POST' }) });
  }
  return outcome;
}

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type !== syncMessage) return;
  event.waitUntil(sync().then((outcome) => event.ports[0]?.postMessage(outcome)));
});

// A worker that starts (after install, or woken for any event) syncs once on its own.
self.addEventListener('activate', (event) => event.waitUntil(sync()));
void sync();
