/**
 * Runs sync rounds one at a time. A request that arrives during a round makes one more round
 * afterwards (a write made meanwhile must not wait for the next trigger); many such requests
 * still make just one. Across contexts (pages and the service worker), a Web Lock keeps two
 * rounds from running at once (S9).
 */
export function createSyncScheduler<T>(round: () => Promise<T>, lockName = 'hunian-sync') {
  let running: Promise<T> | undefined;
  let again = false;

  const withLock = (fn: () => Promise<T>): Promise<T> => {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    return locks ? (locks.request(lockName, fn) as Promise<T>) : fn();
  };

  const loop = async (): Promise<T> => {
    let result: T;
    do {
      again = false;
      result = await withLock(round);
    } while (again);
    return result;
  };

  return function requestSync(): Promise<T> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = undefined;
    });
    return running;
  };
}
