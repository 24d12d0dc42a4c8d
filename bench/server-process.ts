import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Peak resident memory of a process in MiB (VmHWM), or null when /proc is not there. */
export function peakMemoryMiB(pid: number): number | null {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface ServerProcess {
  baseUrl: string;
  dbPath: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The real server (api/main.ts) as a process of its own on a fresh temporary database, with the
 * demo data; resolves once /api/health answers. Started through `node --import tsx` rather than
 * npx, so that `child.pid` is the server itself (for its VmHWM).
 */
export async function startServer(env: Record<string, string> = {}, dbPath?: string): Promise<ServerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-bench-'));
  fs.mkdirSync(path.join(dir, 'dist'));
  const db = dbPath ?? path.join(dir, 'hunian.sqlite');
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'api/main.ts'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { ...process.env, HUNIAN_DB: db, PORT: String(port), HUNIAN_DIST: path.join(dir, 'dist'), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not answer /api/health within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    dbPath: db,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
