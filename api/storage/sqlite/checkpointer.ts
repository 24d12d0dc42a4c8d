import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The worker is plain CommonJS given as source, so that it runs the same under tsx, vitest and a
// build: it needs nothing of ours, only the driver.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const describe = (error) => (error && error.message ? (error.code ? error.code + ': ' : '') + error.message : String(error));
let db;
// Opened at the first checkpoint, with the driver's busy timeout (5 s, on this thread): preparing
// the first statement reads the schema, which meets SQLITE_BUSY while another connection opens or
// closes the file. Only then does it stop waiting for locks.
const open = () => {
  const Database = require(workerData.driver);
  const opened = new Database(workerData.dbPath);
  try {
    opened.pragma('synchronous = FULL');
    opened.pragma('busy_timeout = 0');
  } catch (error) {
    opened.close();
    throw error;
  }
  db = opened;
};
parentPort.on('message', (message) => {
  if (message === 'close') {
    try {
      db?.close();
    } catch {}
    parentPort.close();
    return;
  }
  try {
    if (!db) open();
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage(null);
  } catch (error) {
    // Busy: another checkpoint (the writer's own) is running, or the file was still locked as this
    // thread opened it; the next one will do (and opens it again if it has to).
    parentPort.postMessage(String(error && error.code).startsWith('SQLITE_BUSY') ? null : describe(error));
  }
});
`;

/**
 * Copies the WAL back into the database file on a thread of its own (decision 017). A checkpoint
 * writes pages and fsyncs twice; run by the write connection at a COMMIT, as SQLite does by
 * default, it stalled the event loop for tens of milliseconds every few megabytes of writes. A
 * PASSIVE checkpoint from another connection never blocks the writer or the readers; it copies
 * what no open read snapshot still needs. The writer keeps its own automatic checkpoint, at a
 * higher threshold, in case this one falls behind or fails.
 */
export class Checkpointer {
  private worker: Worker | undefined;
  private running = false;
  private last = -Infinity;
  private trailing: NodeJS.Timeout | undefined;
  private reportedFailure = false;
  private broken = false;
  private closed = false;

  constructor(
    private readonly dbPath: string,
    private readonly everyMs = 1000,
    /** A smaller WAL is left to the writer's own checkpoint (and a small database never starts the thread). */
    private readonly minWalBytes = 4 * 1024 * 1024,
  ) {}

  /**
   * After a commit: once the WAL has grown past `minWalBytes`, starts a checkpoint unless one ran
   * in the last `everyMs` (then one follows when that time is up).
   */
  afterCommit(): void {
    if (this.running || this.broken || this.closed) return;
    let walBytes = 0;
    try {
      walBytes = fs.statSync(`${this.dbPath}-wal`).size;
    } catch {
      // no WAL file: nothing to copy
    }
    if (walBytes < this.minWalBytes) return;
    const wait = this.last + this.everyMs - performance.now();
    if (wait > 0) {
      this.trailing ??= setTimeout(() => {
        this.trailing = undefined;
        this.afterCommit();
      }, wait).unref();
      return;
    }
    this.running = true;
    this.last = performance.now();
    this.start().postMessage('checkpoint');
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.trailing);
    this.worker?.postMessage('close');
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(workerSource, { eval: true, workerData: { dbPath: this.dbPath, driver } });
    worker.unref();
    worker.on('message', (failure: string | null) => {
      this.running = false;
      if (failure && !this.reportedFailure) {
        this.reportedFailure = true;
        console.error(`WAL checkpoint failed (the writer's own checkpoint takes over): ${failure}`);
      }
    });
    worker.on('error', (error: unknown) => {
      this.running = false;
      this.broken = true;
      this.worker = undefined;
      console.error(`WAL checkpointer stopped (the writer's own checkpoint takes over): ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    });
    this.worker = worker;
    return worker;
  }
}
