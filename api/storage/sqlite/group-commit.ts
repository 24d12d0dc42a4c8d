import { StorageUnavailable } from '../storage';
import { IdleWaiters } from '../idle-waiters';

/** The statements a group needs from one SQLite connection. */
export interface GroupCommitConnection {
  /** Starts the group's transaction; may wait (on timers) for a write lock held by another thread. */
  begin(): void | Promise<void>;
  commit(): void;
  rollback(): void;
  inTransaction(): boolean;
  savepoint(name: string): void;
  release(name: string): void;
  /** Undoes and releases a savepoint; a no-op when SQLite has already rolled back everything. */
  rollbackTo(name: string): void;
  /** Turns a driver error into what callers should see (busy → StorageUnavailable). */
  mapError(error: unknown): unknown;
  /**
   * Called right after each COMMIT returns; resolves once that commit survives a power cut (when
   * the COMMIT itself does not sync, wal-sync.ts). Absent: the COMMIT is durable when it returns.
   */
  durable?(): Promise<void>;
  /** Most transactions in one group. Default 256. */
  maxGroupSize?: number;
  /**
   * How long a group keeps taking transactions (ms, from its BEGIN): bounds the wait of its first
   * one for the COMMIT. Default 50.
   */
  maxGroupMs?: number;
}

/** One turn of the event loop: lets requests that have arrived meanwhile be read and queued. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Job {
  task: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Runs async transactions one after another on one connection, and commits those that queued up
 * together as one group: one BEGIN IMMEDIATE, a SAVEPOINT per transaction, one COMMIT. So a burst
 * of pushes costs one fsync, not one each (docs/decisions/009-grouped-commits.md).
 *
 * - A transaction that throws rolls back only its own savepoint and rejects only its caller.
 * - Nobody gets an answer before the shared COMMIT is durable (it has returned, and `durable()`
 *   has resolved): an acknowledged write survives a power cut.
 * - If the COMMIT fails, or SQLite rolls back the whole transaction itself, every transaction of
 *   the group is rejected (as StorageUnavailable: nothing of it was written, retry later).
 * - Order is queue order, and each transaction sees the writes of those before it in its group,
 *   exactly as if each had committed alone: the group is serial, only the fsync is shared.
 *
 * A group starts one event-loop turn after the first transaction is queued, and when the queue
 * runs dry it waits one more turn for others before it commits (while it is young and not full).
 * Without those turns a group never grew past one push on a real server: each push's
 * transaction ran to its COMMIT before the next request was even read.
 */
export class GroupCommit {
  private readonly queue: Job[] = [];
  private running = 0;
  private draining = false;
  private groups = 0;

  private readonly idleWaiters = new IdleWaiters();

  constructor(private readonly connection: GroupCommitConnection) {}

  /** Transactions queued or running. */
  get length(): number {
    return this.queue.length + this.running;
  }

  /** Resolves once no transaction is queued or running (all answered), or after `maxMs`. */
  idle(maxMs: number): Promise<void> {
    return this.idleWaiters.wait(this.length === 0, maxMs);
  }

  private settled(count: number) {
    this.running -= count;
    if (this.length === 0) this.idleWaiters.wake();
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    try {
      while (this.queue.length > 0) {
        await this.runGroup();
        // A turn of the event loop between groups: finished syncs answer their callers, answers
        // are written out and new requests read, however long the queue.
        if (this.queue.length > 0) await nextTurn();
      }
    } finally {
      this.draining = false;
    }
  }

  private async runGroup() {
    const c = this.connection;
    const maxSize = c.maxGroupSize ?? 256;
    const maxMs = c.maxGroupMs ?? 50;
    const group = `g${++this.groups}_`;
    const done: { job: Job; ok: boolean; value: unknown }[] = [];
    try {
      await c.begin();
    } catch (error) {
      // Could not even start (busy): refuse what is waiting now; later arrivals try again.
      for (const job of this.queue.splice(0)) job.reject(c.mapError(error));
      this.settled(0);
      return;
    }
    const started = performance.now();
    // Transactions that arrive while the group runs join it, up to maxSize and maxMs.
    while (done.length === 0 || (done.length < maxSize && performance.now() - started < maxMs)) {
      if (this.queue.length === 0) {
        await nextTurn();
        if (this.queue.length === 0) break;
      }
      const job = this.queue.shift()!;
      this.running++;
      const name = `${group}${done.length}`;
      try {
        c.savepoint(name);
      } catch (error) {
        // Not even a savepoint: this caller is refused, with nothing to undo.
        done.push({ job, ok: false, value: c.mapError(error) });
        if (!c.inTransaction()) {
          this.settleAll(done, new StorageUnavailable('The database rolled back a group of writes'));
          return;
        }
        continue;
      }
      try {
        const value = await job.task();
        c.release(name);
        done.push({ job, ok: true, value });
      } catch (error) {
        c.rollbackTo(name);
        done.push({ job, ok: false, value: c.mapError(error) });
        if (!c.inTransaction()) {
          // SQLite gave up the whole transaction (e.g. an I/O error): nothing of the group stands.
          this.settleAll(done, new StorageUnavailable('The database rolled back a group of writes'));
          return;
        }
      }
    }
    let durable: Promise<void>;
    try {
      c.commit();
      durable = c.durable?.() ?? Promise.resolve();
    } catch (error) {
      c.rollback();
      this.settleAll(done, c.mapError(error) instanceof StorageUnavailable ? c.mapError(error) : new StorageUnavailable('The database could not commit'));
      return;
    }
    // Only once the shared COMMIT is on disk does anyone hear back, refusals too (they may
    // describe what the group's earlier writes left). The next group does not wait for it.
    durable.then(
      () => {
        this.settled(done.length);
        for (const { job, ok, value } of done) (ok ? job.resolve : job.reject)(value);
      },
      (error: unknown) => this.settleAll(done, error),
    );
  }

  /** Rejects every transaction of a failed group; one that had failed alone keeps its own error. */
  private settleAll(done: { job: Job; ok: boolean; value: unknown }[], error: unknown) {
    this.settled(done.length);
    for (const { job, ok, value } of done) job.reject(ok ? error : value);
  }
}
