/**
 * Counts the work still waiting to be sent: pending outbox entries and the bytes of saved
 * attachments not yet uploaded (S23). It reads IndexedDB directly: a new service worker calls it
 * while it is still installing, and must not open the database with its own (newer) schema, which
 * would upgrade it under the running app.
 */
export function countUnsent(name = 'hunian', factory: IDBFactory = indexedDB): Promise<number> {
  return new Promise((resolve) => {
    const request = factory.open(name);
    // No database yet: nothing is unsent. Aborting leaves no empty database behind.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(0);
    request.onsuccess = () => {
      const db = request.result;
      const outbox = ['mutations', 'outbox'].find((n) => db.objectStoreNames.contains(n));
      const uploads = db.objectStoreNames.contains('attachmentBlobs') && db.objectStoreNames.contains('attachments');
      if (!outbox) {
        db.close();
        resolve(0);
        return;
      }
      const tx = db.transaction(uploads ? [outbox, 'attachmentBlobs', 'attachments'] : [outbox], 'readonly');
      let unsent = 0;
      const entries = tx.objectStore(outbox).getAll();
      entries.onsuccess = () => {
        // Only pending entries wait to be sent. Refused ones must not hold back a new version
        // forever (it may be the one that fixes them); they are kept and migrated all the same.
        unsent += (entries.result as { state?: string }[]).filter((e) => e.state === 'pending').length;
      };
      if (uploads) {
        const blobs = tx.objectStore('attachmentBlobs').index('uploadState').getAllKeys('pending');
        const named = tx.objectStore('attachments').index('sha256');
        blobs.onsuccess = () => {
          // Few rows (bytes upload at the next round); the refusal needs the row, the rest a count.
          for (const sha256 of blobs.result) {
            const row = tx.objectStore('attachmentBlobs').get(sha256);
            row.onsuccess = () => {
              if ((row.result as { refusal?: unknown } | undefined)?.refusal) return;
              // Bytes of a photo never saved into a record are nobody's unsent work.
              const records = named.count(sha256);
              records.onsuccess = () => {
                if (records.result > 0) unsent++;
              };
            };
          }
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(unsent);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolve(0);
      };
    };
  });
}
