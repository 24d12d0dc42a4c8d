import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { uuidv7, type LoginResponse, type Mutation } from '../../schema';
import { createApp } from '../app';
import { configFromEnv } from '../config';
import { seedDemoData } from '../seed/demo-data';
import { compactChangeLog } from '../sync/compact-change-log';
import { loadOrCreateServerSecret } from '../auth/server-secret';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage';
import { WriterTurns } from '../storage/sqlite/writer-turns';
import { PushThread } from '../sync/push-thread';

/**
 * A real server on a fresh SQLite file in a temporary folder, with the demo data. With
 * `pushThread`, pushes are applied on a thread of their own, as api/main.ts does (decision 021).
 */
export async function createTestServer(options: { busyTimeoutMs?: number; pushThread?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-test-'));
  const config = { ...configFromEnv({}), dbPath: path.join(dir, 'hunian.sqlite'), distDir: path.join(dir, 'dist') };
  fs.mkdirSync(config.distDir);
  // A stand-in for the built app, so that the static routes answer as in production.
  fs.writeFileSync(path.join(config.distDir, 'index.html'), '<!doctype html><title>Hunian</title>');
  const turns = options.pushThread ? new WriterTurns() : undefined;
  const storageOptions = { busyTimeoutMs: options.busyTimeoutMs, ...(turns ? { writerTurns: { turns, side: 'server' as const } } : {}) };
  let storage = openSqliteStorage(config.dbPath, storageOptions);
  await seedDemoData(storage, { secret: loadOrCreateServerSecret(config.dbPath) });
  const pushThread = turns ? await PushThread.start(config.dbPath, turns) : undefined;
  if (pushThread) storage.deferReadsTo(pushThread);
  let app = createApp(storage, config, { pushThread });

  /**
   * Stops and starts the server on the same file, as a restart would, with the maintenance
   * api/main.ts runs at start: change-log compaction (S21), queued ahead of any request.
   */
  function restart() {
    if (pushThread) throw new Error('restart() is for a server without a push thread');
    storage.close();
    storage = openSqliteStorage(config.dbPath, storageOptions);
    const compacting = compactChangeLog(storage);
    compacting.catch((error: unknown) => console.error('compaction at restart failed', error));
    app = createApp(storage, config);
  }

  const request = async (url: string, init?: RequestInit): Promise<Response> => app.request(url, init);
  const json = (method: string, url: string, body: unknown, token?: string) =>
    request(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  async function login(username: string, password = username.startsWith('petugas') ? 'petugas123' : `${username}123`) {
    const response = await json('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    return (await response.json()) as LoginResponse;
  }

  /** A unit (and its site) of the region the demo user `petugas` works in. */
  function unitIn(regionName: 'Kota Bandung' | 'Kota Jakarta Timur') {
    const siteName = regionName === 'Kota Bandung' ? 'Rusunawa Sadang Serang' : 'Rusunawa Pulo Gebang';
    return storage.sqlite
      .prepare('select u.id, u.region_id regionId, u.site_id siteId, u.code, u.version from units u join sites s on s.id = u.site_id where s.name = ? order by u.code limit 1')
      .get(siteName) as { id: string; regionId: string; siteId: string; code: string; version: number };
  }

  function inspectionMutation(unit: { id: string; regionId: string }, seq: number, overrides: Partial<Mutation> = {}): Mutation {
    const recordId = uuidv7();
    return {
      id: uuidv7(),
      seq,
      entity: 'inspections',
      op: 'upsert',
      recordId,
      baseVersion: null,
      clientTime: new Date().toISOString(),
      fields: {
        id: recordId,
        regionId: unit.regionId,
        unitId: unit.id,
        type: 'periodic',
        inspectedOn: '2026-11-20',
        conditionRating: 4,
        notes: 'Atap bocor sedikit',
        inspectorId: 'x',
        recordedAt: new Date().toISOString(),
        latitude: null,
        longitude: null,
        gpsAccuracyM: null,
        checklist: [],
      },
      ...overrides,
    };
  }

  /** Serves the same app over real HTTP on a free loopback port. */
  async function listen(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
    // Through a closure, so that a restart() swaps the app behind the same port.
    const server = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  return {
    get storage() {
      return storage;
    },
    get sqlite() {
      return storage.sqlite;
    },
    restart,
    dbPath: config.dbPath,
    request,
    json,
    login,
    unitIn,
    inspectionMutation,
    listen,
    pushThread,
    close: async () => {
      await pushThread?.close();
      storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof createTestServer>>;
