import fs from 'node:fs';
import { StorageUnavailable } from '../storage';

/**
 * Two write connections to one SQLite file, on two threads: the server's own (every write but
 * pushes) and the push thread's (api/sync/push-thread.ts, decision 021). SQLite lets one of them
 * write at a time. The push thread writes in groups back to back during a burst, so the server's
 * connection would rarely find the lock free; and it must never wait for it by blocking its
 * event loop (SQLite's busy handler sleeps). So they share a counter in shared memory:
 *
 * - the server's connection counts itself in while it wants the lock, tries `BEGIN IMMEDIATE`
 *   without waiting (busy_timeout 0), and on SQLITE_BUSY tries again a moment later, on a timer;
 * - the push thread, before each group, lets a counted-in writer go first: it waits (on its own
 *   thread, so blocking is harmless) until the counter is back to zero or 1 s has passed.
 *
 * So a write of the office or a sign-in during a burst waits at most one group of pushes.
 */
/** One try at the lock: true if `begin` took it, false if it is busy; past `deadline`, StorageUnavailable. */
function tookLock(begin: () => void, isBusy: (error: unknown) => boolean, deadline: number): boolean {
  try {
    begin();
    return true;
  } catch (error) {
    if (!isBusy(error)) throw error;
    if (performance.now() > deadline) throw new StorageUnavailable('The database is busy');
    return false;
  }
}

export class WriterTurns {
  readonly waiting: Int32Array;
  /**
   * The push thread's commits, for the server's readers (wal-sync.ts, decision 017): [0] commits
   * that may be visible (counted before each COMMIT), [1] commits on disk, [2] 1 once an fsync
   * has failed.
   */
  readonly pushCommits: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(16)) {
    this.waiting = new Int32Array(buffer, 0, 1);
    this.pushCommits = new Int32Array(buffer, 4, 3);
  }

  get buffer(): SharedArrayBuffer {
    return this.waiting.buffer as SharedArrayBuffer;
  }

  /** The server's side: takes the write lock with `begin` (which throws SQLITE_BUSY when taken), on timers, for up to `maxMs`. */
  async acquire(begin: () => void, isBusy: (error: unknown) => boolean, maxMs: number): Promise<void> {
    Atomics.add(this.waiting, 0, 1);
    try {
      const deadline = performance.now() + maxMs;
      // Every millisecond: the push thread is stopped, waiting for this side to take the lock,
      // from the end of its group until this side has it; a failed try costs microseconds.
      while (!tookLock(begin, isBusy, deadline)) await new Promise((resolve) => setTimeout(resolve, 1));
    } finally {
      Atomics.sub(this.waiting, 0, 1);
    }
  }

  /**
   * The server's side, for a read that may see the push thread's commits counted so far:
   * resolves once they are on disk (a read snapshot must not show what a power cut could take back).
   */
  async pushCommitsDurable(through: number): Promise<void> {
    const commits = this.pushCommits;
    for (;;) {
      if (Atomics.load(commits, 2) === 1) throw new StorageUnavailable('The push thread could not sync the database to disk', 30);
      const synced = Atomics.load(commits, 1);
      if (synced >= through) return;
      // Woken by the push thread's notify when it has synced (or failed); looks again every second regardless.
      const wait = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: Promise<string> | string } }).waitAsync(commits, 1, synced, 1000);
      if (wait.async) await wait.value;
    }
  }

  /**
   * The server's side, when the push thread has died: syncs the WAL here and marks every commit
   * it counted as on disk (or the sync as failed), so that no reader waits on a thread that is gone.
   */
  settlePushCommits(walPath: string): void {
    const commits = this.pushCommits;
    const counted = Atomics.load(commits, 0);
    if (Atomics.load(commits, 1) < counted) {
      try {
        const fd = fs.openSync(walPath, 'r');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        Atomics.store(commits, 1, counted);
      } catch (error) {
        console.error(`The database could not be synced to disk after the push thread stopped: ${String(error)}`);
        Atomics.store(commits, 2, 1);
      }
    }
    Atomics.notify(commits, 1);
  }

  /**
   * The push thread's side: lets a waiting server write go first, then takes the lock with
   * `begin` (throwing SQLITE_BUSY when taken), trying every millisecond for up to `maxMs`. Blocks
   * this thread, never the server's; SQLite's own busy handler would sleep up to 100 ms a try.
   */
  takeTurn(begin: () => void, isBusy: (error: unknown) => boolean, maxMs: number): void {
    this.yieldToOthers();
    const deadline = performance.now() + maxMs;
    while (!tookLock(begin, isBusy, deadline)) Atomics.wait(this.waiting, 0, Atomics.load(this.waiting, 0), 1);
  }

  /** The push thread's side, before each group: lets a waiting server write go first. Blocks this thread. */
  yieldToOthers(maxMs = 1000): void {
    const deadline = performance.now() + maxMs;
    while (Atomics.load(this.waiting, 0) > 0 && performance.now() < deadline) {
      // Wakes every millisecond to look again (nobody notifies: the server's side only counts).
      Atomics.wait(this.waiting, 0, Atomics.load(this.waiting, 0), 1);
    }
  }
}
