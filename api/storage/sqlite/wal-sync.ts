import fs from 'node:fs';
import { StorageUnavailable } from '../storage';

export type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

/**
 * Makes commits durable without blocking the event loop (docs/decisions/017-wal-sync-off-the-event-loop.md).
 * The write connection runs with `synchronous = NORMAL`: its COMMIT writes the WAL but does not
 * fsync it. This fsyncs the WAL file on libuv's thread pool after each commit, and says when a
 * commit is on disk, so that:
 *
 * - a commit is acknowledged only once an fsync that began after it has returned (an
 *   acknowledged write survives a power cut, as with `synchronous = FULL`);
 * - a read snapshot that may hold a commit not yet on disk waits for it before it is read, so
 *   that no device sees data a power cut could still take back.
 *
 * fsync flushes the whole file, whatever descriptor wrote it, so one fsync covers every commit
 * before it; they run one at a time, in commit order.
 */
export class WalSync {
  private committed = 0;
  private synced = 0;
  private syncing = false;
  private waiters: { through: number; resolve(): void; reject(error: unknown): void }[] = [];
  private failure: StorageUnavailable | undefined;
  private fd: number | undefined;
  private ino: number | undefined;
  private closed = false;

  constructor(
    private readonly walPath: string,
    private readonly syncFile: SyncFile = (fd, done) => fs.fsync(fd, done),
    /**
     * The push thread's: its commits mirrored for the server's readers on the other thread
     * (WriterTurns.pushCommits): [0] counted before each COMMIT (beforeCommit), [1] on disk, [2] failed.
     */
    private readonly shared?: Int32Array,
  ) {
    if (shared) {
      // A push thread started again after one that died goes on from its counts (readers may be
      // waiting for them), and first syncs what that one may have left unsynced.
      this.committed = Atomics.load(shared, 0);
      this.synced = Atomics.load(shared, 1);
      if (Atomics.load(shared, 2) === 1) this.failure = new StorageUnavailable('The database could not be synced to disk (an earlier push thread failed)', 30);
      this.syncNext();
    }
  }

  /** Commits so far: a read snapshot taken now holds at most these. */
  get commits(): number {
    return this.committed;
  }

  /** Set once an fsync failed: nothing more is acknowledged (the process should be restarted). */
  get failed(): StorageUnavailable | undefined {
    return this.failure;
  }

  /**
   * Call right before each COMMIT, when another thread reads the file: that thread's snapshot may
   * hold this commit from the moment COMMIT writes it, so it is counted first. If the COMMIT
   * fails, call committedNow() all the same (one fsync more) to keep the counts in step.
   */
  beforeCommit(): void {
    if (this.shared) Atomics.store(this.shared, 0, this.committed + 1);
  }

  /** Call right after each COMMIT returns; resolves once that commit survives a power cut. */
  committedNow(): Promise<void> {
    this.committed++;
    return this.durable(this.committed);
  }

  /** Resolves once the first `through` commits are on disk. */
  durable(through: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (through <= this.synced) return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => this.waiters.push({ through, resolve, reject }));
    this.syncNext();
    return waiting;
  }

  /** At close (before the connections close): syncs what is committed, at once, so that every waiter hears back. */
  close(): void {
    if (!this.failure && this.synced < this.committed) {
      try {
        fs.fsyncSync(this.walFd());
        this.settle(this.committed);
      } catch (error) {
        this.fail(error);
      }
    }
    this.closed = true;
    // An fsync still on the thread pool closes the file when it returns.
    if (!this.syncing) this.closeFile();
  }

  private closeFile() {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private syncNext() {
    if (this.syncing || this.closed || this.failure || this.synced >= this.committed) return;
    const through = this.committed;
    let fd: number;
    try {
      fd = this.walFd();
    } catch (error) {
      this.fail(error);
      return;
    }
    this.syncing = true;
    this.syncFile(fd, (error) => {
      this.syncing = false;
      if (this.closed) {
        this.closeFile();
        return;
      }
      if (error) {
        this.fail(error);
        return;
      }
      this.settle(through);
      this.syncNext();
    });
  }

  private settle(through: number) {
    this.synced = Math.max(this.synced, through);
    if (this.shared) {
      Atomics.store(this.shared, 1, this.synced);
      Atomics.notify(this.shared, 1);
    }
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) (waiter.through <= this.synced ? waiter.resolve() : still.push(waiter));
    this.waiters = still;
  }

  /**
   * The WAL file, opened once. SQLite keeps the same file while any connection is open (it
   * rewrites it from the start after a checkpoint); should it ever be replaced, the inode tells.
   */
  private walFd(): number {
    const { ino } = fs.statSync(this.walPath);
    if (this.fd === undefined || ino !== this.ino) {
      if (this.fd !== undefined) fs.closeSync(this.fd);
      this.fd = fs.openSync(this.walPath, 'r');
      this.ino = ino;
    }
    return this.fd;
  }

  private fail(error: unknown) {
    // After a failed fsync the kernel may have dropped the pages it could not write: what is
    // committed may or may not be on disk. Refuse to acknowledge anything from here on; the
    // devices keep their work and retry (S3, S15) against a restarted server.
    this.failure = new StorageUnavailable(`The database could not be synced to disk: ${String(error)}`, 30);
    console.error(this.failure.message);
    if (this.shared) {
      Atomics.store(this.shared, 2, 1);
      Atomics.notify(this.shared, 1);
    }
    for (const waiter of this.waiters) waiter.reject(this.failure);
    this.waiters = [];
  }
}
