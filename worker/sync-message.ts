/** The message a page posts to the service worker to ask for a sync round; the reply is a SyncOutcome. */
export const syncMessage = 'HUNIAN_SYNC';
