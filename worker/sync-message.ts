/** Messages a page posts to the service worker. */
export const workerMessages = {
  /** Run a sync round; the reply is a SyncOutcome. */
  sync: 'HUNIAN_SYNC',
  /** Activate this waiting worker now: the user chose to update. (Workbox's own message name.) */
  skipWaiting: 'SKIP_WAITING',
} as const;
