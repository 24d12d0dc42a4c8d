import type Database from 'better-sqlite3';
import type { StorageReader } from '../storage';

/**
 * The one lookup every request makes before anything else (requireUser). It reads one row, on a
 * connection of its own, outside any transaction: it never waits for the writer's backlog nor
 * for a long read (a bootstrap streams for seconds), or a burst of pushes could not even be read
 * in while it is applied.
 */
const urgentLookups: ReadonlySet<string> = new Set<keyof StorageReader>(['userForSession']);

/** Commits counted at one moment: this thread's own, and the push thread's (decision 021). */
export interface CommitMark {
  own: number;
  pushes: number;
}

export interface ReadTransactionOptions {
  /** The read-only connection, and a reader over it. */
  sqlite: Database.Database;
  reader: StorageReader;
  /** A reader over another read-only connection, for the urgent lookups. */
  urgentReader: StorageReader;
  /** Whether pushes (any write transactions) are queued or being applied. */
  writesPending(): boolean;
  /** Resolves once the writer has nothing queued or running, or after `maxMs`. */
  writesIdle(maxMs: number): Promise<void>;
  /** Commits so far: a snapshot taken now holds at most these (wal-sync.ts). */
  commits(): CommitMark;
  /** Resolves once the commits of `mark` are on disk. */
  durable(mark: CommitMark): Promise<void>;
  mapError(error: unknown): unknown;
  /** How long a read waits for the writer's backlog at most. */
  maxDeferMs: number;
}

/**
 * Read transactions on one read-only connection, one at a time, each a consistent snapshot.
 *
 * A read yields to the writer (decision 018): it opens its transaction at its first lookup, and
 * that waits while pushes are queued or being applied (at most `maxDeferMs`), so that a burst of
 * pushes is answered before the pulls of the devices it came from are served. Pulls are
 * catch-up reads; a push waits until it is on disk and answered. Only the session lookup
 * (`urgentLookups`) goes first, on a connection of its own. A read that never looks anything up
 * never opens a transaction.
 *
 * Its snapshot taken, a read waits until the commits the snapshot may hold are on disk (decision
 * 017): no device is shown data a power cut could still take back.
 */
export function readTransactions(options: ReadTransactionOptions) {
  const { sqlite, reader } = options;
  const begin = sqlite.prepare('BEGIN');
  const commit = sqlite.prepare('COMMIT');
  // Any read of the database file takes the transaction's snapshot.
  const takeSnapshot = sqlite.prepare('select 1 from sqlite_master limit 1');
  // One read transaction at a time on the connection, granted only while no push is queued or
  // being applied, or once the read has waited maxDeferMs. Checked at each grant, not once on
  // arrival: reads that queued up behind one another while pushes were waiting must not all go
  // the moment the writer is briefly idle.
  let busy = false;
  const waiting: { deadline: number; grant: () => void }[] = [];
  let wakeArmed = false;
  const pump = () => {
    if (busy || waiting.length === 0) return;
    if (options.writesPending() && performance.now() < waiting[0]!.deadline) {
      if (!wakeArmed) {
        wakeArmed = true;
        void options.writesIdle(waiting[0]!.deadline - performance.now()).then(() => {
          wakeArmed = false;
          pump();
        });
      }
      return;
    }
    busy = true;
    waiting.shift()!.grant();
  };
  const done = () => {
    busy = false;
    // A turn of the event loop before the next read: the answers of the reads before it are
    // written out first. Pulls let go together at the end of a burst, with no turn between them,
    // held 1.1 GB of answers at once.
    setImmediate(pump);
  };
  const connection = () =>
    new Promise<() => void>((granted) => {
      waiting.push({ deadline: performance.now() + options.maxDeferMs, grant: () => granted(done) });
      pump();
    });

  return async function read<T>(fn: (reader: StorageReader) => Promise<T>): Promise<T> {
    let opening: Promise<void> | undefined;
    let release: (() => void) | undefined;
    const open = () =>
      (opening ??= (async () => {
        release = await connection();
        begin.run();
        takeSnapshot.get();
        // The snapshot holds at most the commits counted so far (the push thread counts its own
        // before each COMMIT).
        await options.durable(options.commits());
      })());
    const lazy = {} as Record<string, unknown>;
    for (const [name, lookup] of Object.entries(reader) as [string, (...args: unknown[]) => Promise<unknown>][]) {
      const urgent = urgentLookups.has(name) ? (options.urgentReader as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]! : undefined;
      lazy[name] = async (...args: unknown[]) => {
        if (urgent && !opening) {
          // Outside any transaction: it saw at most the commits counted once it has looked (the
          // push thread's may land meanwhile), and waits until they are on disk.
          const value = await urgent(...args);
          await options.durable(options.commits());
          return value;
        }
        await open();
        return lookup(...args);
      };
    }
    try {
      const result = await fn(lazy as unknown as StorageReader);
      if (opening) {
        await opening;
        commit.run();
      }
      return result;
    } catch (error) {
      if (release && sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw options.mapError(error);
    } finally {
      release?.();
    }
  };
}
