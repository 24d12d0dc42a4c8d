import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer, type ServerProcess } from '../bench/server-process';
import { archiveChangeHistory } from '../worker/fuzz/history-archive';
import type { SqliteReader } from '../worker/fuzz/invariants';
import { FaultProxy } from './fault-proxy';

/** Every server process this run started: none may outlive it, whatever way it ends. */
const children = new Set<ChildProcess>();
let sharedServer: Promise<ServerUnderTest> | undefined;
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * The real server (api/main.ts) as a process of its own on a SQLite file in a folder of this run,
 * behind a FaultProxy: devices and browsers talk to the proxy, whose address stays the same when
 * the server is killed and started again (on a new port, on the same file).
 */
export class ServerUnderTest {
  private constructor(
    readonly dir: string,
    readonly dbPath: string,
    private process: ServerProcess,
    readonly proxy: FaultProxy,
    private readonly env: Record<string, string>,
  ) {}

  static async start(options: { distDir?: string } = {}): Promise<ServerUnderTest> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-faults-'));
    const env: Record<string, string> = { HUNIAN_DIST: options.distDir ?? dir };
    const process = await spawnServer(dir, env, path.join(dir, 'hunian.sqlite'));
    // Every change row, kept by a trigger in the file itself: compaction at each restart (S21)
    // drops superseded rows, and the fuzz invariants judge each write by its own row.
    const sqlite = new Database(process.dbPath);
    try {
      archiveChangeHistory(sqlite);
    } finally {
      sqlite.close();
    }
    const proxy = new FaultProxy(process.baseUrl);
    await proxy.listen();
    return new ServerUnderTest(dir, process.dbPath, process, proxy, env);
  }

  /**
   * One server for the faults that never stop it (each run checks only what changed since it
   * began). The server-killed fault starts its own. Closed by closeShared at the end.
   */
  static shared(): Promise<ServerUnderTest> {
    sharedServer ??= ServerUnderTest.start();
    return sharedServer;
  }

  static async closeShared(): Promise<void> {
    const server = sharedServer;
    sharedServer = undefined;
    if (server) await (await server).stop();
  }

  /** The address devices use (the proxy's). */
  get baseUrl(): string {
    return this.proxy.baseUrl;
  }

  get pid(): number | undefined {
    return this.process.child.pid;
  }

  /** SIGKILL: no handler runs, nothing is flushed; whatever SQLite had committed is all there is. */
  async kill(): Promise<void> {
    const { child } = this.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    children.delete(child);
  }

  /** Starts the server again on the same file, as an operator (or systemd) would after a crash. */
  async restart(): Promise<void> {
    this.process = await spawnServer(this.dir, this.env, this.dbPath);
    this.proxy.retarget(this.process.baseUrl);
  }

  /**
   * A read-only connection of the checks' own to the server's file, opened now so that it sees
   * every commit so far. The caller closes it.
   */
  openReader(): SqliteReader & { close(): void } {
    return new Database(this.dbPath, { readonly: true, fileMustExist: true });
  }

  async stop(): Promise<void> {
    await this.proxy.close();
    await this.process.stop();
    children.delete(this.process.child);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

async function spawnServer(dir: string, env: Record<string, string>, dbPath: string): Promise<ServerProcess> {
  // startServer makes a scratch folder in os.tmpdir() each time; point it into this run's folder
  // so that it goes away with it.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const started = await startServer(env, dbPath);
    children.add(started.child);
    return started;
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
}
