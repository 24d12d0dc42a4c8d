/**
 * Counts the outbox entries still waiting to be sent, reading IndexedDB directly: a new
 * service worker calls it while it is still installing, and must not open the database with its
 * own (newer) schema, which would upgrade it under the running app.
 */
export function countUnsent(name = 'hunian'): Promise<number> {
  return new Promise((resolve) => {
    const request = indexedDB.open(name);
    // No database yet: nothing is unsent. Aborting leaves no empty database behind.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(0);
    request.onsuccess = () => {
      const db = request.result;
      const store = ['mutations', 'outbox'].find((n) => db.objectStoreNames.contains(n));
      if (!store) {
        db.close();
        resolve(0);
        return;
      }
      const all = db.transaction(store, 'readonly').objectStore(store).getAll();
      all.onsuccess = () => {
        db.close();
        // Only pending entries wait to be sent. Refused ones must not hold back a new version
        // forever (it may be the one that fixes them); they are kept and migrated all the same.
        resolve((all.result as { state?: string }[]).filter((e) => e.state === 'pending').length);
      };
      all.onerror = () => {
        db.close();
        resolve(0);
      };
    };
  });
}
