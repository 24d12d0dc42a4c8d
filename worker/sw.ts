/// <reference lib="webworker" />
import { Queue } from 'workbox-background-sync';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { dexieSyncStore } from './dexie-sync-store';
import { LocalDb } from './local-db';
import { retryDelayMs } from './retry-delay';
import { syncOnce, type SyncOutcome } from './sync-engine';
import { workerMessages } from './sync-message';
import { createSyncScheduler } from './sync-scheduler';
import { fetchTransport } from './transport';
import { countUnsent } from './unsent-count';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// The app shell, so the app starts with no network; every deep link gets index.html, never /api/.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// A new version takes over at once only when nothing is waiting to be sent; otherwise it waits
// until the outbox is empty or the user chooses to update (S19).
self.addEventListener('install', (event) => {
  event.waitUntil(countUnsent().then((unsent) => (unsent === 0 ? self.skipWaiting() : undefined)));
});
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

/** A waiting worker must not touch the database: its newer schema would upgrade it under the running app. */
const isActive = () => self.serviceWorker.state === 'activating' || self.serviceWorker.state === 'activated';

let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

async function sync(): Promise<SyncOutcome> {
  const outcome = await requestSync();
  clearTimeout(retryTimer);
  if (outcome.ok) {
    failures = 0;
    // An update waiting for the outbox to drain can take over now.
    if (self.registration.waiting && (await countUnsent()) === 0) self.registration.waiting.postMessage({ type: workerMessages.skipWaiting });
  } else if (outcome.kind === 'offline' || outcome.kind === 'server') {
    // Ask the browser to wake us when the network is back, even if every page is closed. One
    // placeholder is enough: it keeps the sync tag registered until the event fires.
    if ((await trigger.size()) === 0) await trigger.pushRequest({ request: new Request('/__hunian/sync-trigger', { method: 'POST' }) });
    // A server fault is retried with backoff and jitter while this worker lives (S15).
    if (outcome.kind === 'server') retryTimer = setTimeout(() => void sync(), retryDelayMs(failures++, outcome.retryAfterMs));
  }
  return outcome;
}

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === workerMessages.skipWaiting) void self.skipWaiting();
  if (type === workerMessages.sync && isActive()) event.waitUntil(sync().then((outcome) => event.ports[0]?.postMessage(outcome)));
});

// A worker that starts (after install, or woken for any event) syncs once on its own.
self.addEventListener('activate', (event) => event.waitUntil(sync()));
if (isActive()) void sync();
