import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PushRequest, PushResponse, SessionUser } from '../../schema';
import { HttpError } from '../http/http-error';
import { IdleWaiters } from '../storage/idle-waiters';
import { WriterTurns } from '../storage/sqlite/writer-turns';
import { StorageUnavailable } from '../storage/storage';
import { prevalidateCreates } from './push';

export interface PushThreadData {
  dbPath: string;
  turnsBuffer: SharedArrayBuffer;
  maxGroupSize?: number;
  maxGroupMs?: number;
}

export type PushThreadFailure =
  | { kind: 'http'; status: number; code: string; message: string; details?: unknown }
  | { kind: 'unavailable'; message: string; retryAfterSeconds: number }
  | { kind: 'other'; message: string };

export type PushThreadAnswer =
  | { ready: true }
  | { ready: false; failure: PushThreadFailure }
  | { id: number; response: PushResponse }
  | { id: number; failure: PushThreadFailure };

function asError(failure: PushThreadFailure): Error {
  switch (failure.kind) {
    case 'http':
      return new HttpError(failure.status as ContentfulStatusCode, failure.code, failure.message, failure.details);
    case 'unavailable':
      return new StorageUnavailable(failure.message, failure.retryAfterSeconds);
    default:
      return new Error(`push thread: ${failure.message}`);
  }
}

let bundled: { code: string; dir: string } | undefined;

/** Bundles of other versions of the code (and files left half-written) are removed once this old. */
const staleBundleMs = 60 * 60 * 1000;

/**
 * The thread's code as one ES module, built once per process with esbuild (which tsx runs on):
 * loaded through tsx's hooks, module by module, a thread took a second to start; bundled, it
 * starts in a fraction of that, and runs the same under `tsx`, vitest and a bench. The file goes
 * to node_modules/.cache, so that its packages resolve from node_modules (bundleFile).
 */
function workerFile(): string {
  if (!bundled) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const { outputFiles } = buildSync({
      entryPoints: [path.join(here, 'push-thread-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    bundled = { code: outputFiles[0]!.text, dir: path.join(here, '..', '..', 'node_modules', '.cache', 'hunian') };
    removeStaleBundles(bundled.dir, bundleName(bundled.code));
  }
  return bundleFile(bundled.dir, bundled.code);
}

const bundleName = (code: string) => `push-thread-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;

/**
 * The bundle's file in `dir`, named by its content: written if it is not there (the first thread,
 * or a restart after another process removed it), and touched each time a thread starts from it,
 * so that its age says when it was last used.
 */
export function bundleFile(dir: string, code: string): string {
  const file = path.join(dir, bundleName(code));
  const now = new Date();
  try {
    fs.utimesSync(file, now, now);
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: another process may be starting a thread from it.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  }
  return file;
}

/** Removes the bundles of other versions of the code, and half-written ones, unused for an hour: one per change of the code piled up. */
export function removeStaleBundles(dir: string, keep: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // no cache yet
  }
  for (const name of names) {
    if (!/^push-thread-[0-9a-f]{16}\.mjs(\.\d+\.tmp)?$/.test(name) || name === keep) continue;
    const file = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > staleBundleMs) fs.rmSync(file, { force: true });
    } catch {
      // gone already, or removed by another process meanwhile
    }
  }
}

/**
 * Applies pushes on a thread of its own, with a write connection of its own to the same SQLite
 * file (decision 021). The event loop that reads requests in, parses them, checks who sent them
 * and serves pulls is not the one that applies the mutations: in a burst, both run at once.
 * `applyPush` is the same function as in a single-threaded server; only where it runs differs.
 * The two write connections share the write lock through `WriterTurns`.
 *
 * If the thread dies, the pushes it held are answered 503 (the devices send them again, S3) and
 * a new thread is started for the next ones.
 */
export class PushThread {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(response: PushResponse): void; reject(error: unknown): void }>();
  private readonly idleWaiters = new IdleWaiters();
  private closing = false;
  /** The thread has ended and the next one is not started yet. */
  private down = false;
  private exited: Promise<unknown> = Promise.resolve();

  private constructor(private readonly data: PushThreadData) {}

  /** Starts the thread; resolves once its connection is open. Open the server's storage (which migrates) first. */
  static async start(dbPath: string, turns: WriterTurns, options: { maxGroupSize?: number; maxGroupMs?: number } = {}): Promise<PushThread> {
    const thread = new PushThread({ dbPath, turnsBuffer: turns.buffer, ...options });
    try {
      await thread.spawn();
    } catch (error) {
      // Not started again: the caller decides what to do without it.
      thread.closing = true;
      throw error;
    }
    return thread;
  }

  private spawn(): Promise<void> {
    const worker = new Worker(workerFile(), { workerData: this.data, execArgv: [] });
    this.worker = worker;
    this.down = false;
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    const started = performance.now();
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (answer: PushThreadAnswer) => {
        if ('ready' in answer) {
          if (answer.ready) resolve();
          else reject(asError(answer.failure));
          return;
        }
        const job = this.waiting.get(answer.id);
        if (!job) return;
        this.waiting.delete(answer.id);
        if ('response' in answer) job.resolve(answer.response);
        else job.reject(asError(answer.failure));
        this.settled();
      });
      worker.on('error', (error) => {
        reject(error);
        console.error('push thread failed:', error);
      });
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        this.down = true;
        // Whatever it held is unanswered: nothing of an uncommitted group stands (S2), and a
        // committed one is answered from the stored results when the device sends it again (S3).
        for (const job of this.waiting.values()) job.reject(new StorageUnavailable('The push thread stopped'));
        this.waiting.clear();
        this.settled();
        // Its commits may be counted and not yet synced, and readers wait for them: sync them here,
        // so that nobody waits on a thread that is gone.
        new WriterTurns(this.data.turnsBuffer).settlePushCommits(`${this.data.dbPath}-wal`);
        if (!this.closing) {
          // A thread that dies as it starts is not started again at once, in a loop.
          const pause = performance.now() - started < 5000 ? 1000 : 0;
          console.error(`push thread exited (${code}); starting another${pause ? ` in ${pause} ms` : ''}`);
          setTimeout(() => {
            if (!this.closing) void this.spawn().catch((error: unknown) => console.error('push thread could not start again:', error));
          }, pause);
        }
      });
    });
  }

  /** Pushes sent to the thread and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Resolves once no push is pending, or after `maxMs`. */
  idle(maxMs: number): Promise<void> {
    return this.idleWaiters.wait(this.waiting.size === 0, maxMs);
  }

  private settled() {
    if (this.waiting.size === 0) this.idleWaiters.wake();
  }

  /** `applyPush(storage, user, request)`, on the thread. */
  apply(user: SessionUser, request: PushRequest): Promise<PushResponse> {
    if (this.closing) return Promise.reject(new StorageUnavailable('The server is shutting down'));
    // Between a thread's death and the next one's start, a push would wait for nobody.
    if (this.down) return Promise.reject(new StorageUnavailable('The push thread is starting again'));
    const id = this.nextId++;
    return new Promise<PushResponse>((resolve, reject) => {
      // Creates are validated here, on the server's main thread (prevalidateCreates). Sent
      // before it is counted as pending: if sending throws, nothing is left waiting for it.
      this.worker.postMessage({ id, user, request, prevalidated: prevalidateCreates(request) });
      this.waiting.set(id, { resolve, reject });
    });
  }

  /** Lets pending pushes finish (up to `maxMs`), then closes the thread's connection and ends it. */
  async close(maxMs = 5000): Promise<void> {
    this.closing = true;
    await this.idle(maxMs);
    const worker = this.worker;
    // Made when the thread started: it may have ended already.
    const exited = this.exited;
    worker.postMessage('close');
    const timer = setTimeout(() => void worker.terminate(), maxMs);
    await exited;
    clearTimeout(timer);
  }
}
