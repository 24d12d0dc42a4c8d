import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { uuidv7, type LoginResponse, type Mutation } from '../../schema';
import { sites, units } from '../../schema/drizzle-tables';
import { createApp } from '../app';
import { configFromEnv } from '../config';
import { openDatabase } from '../db/open-database';
import { seedDemoData } from '../seed/demo-data';

/** A real server on a fresh SQLite file in a temporary folder, with the demo data. */
export function createTestServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-test-'));
  const config = { ...configFromEnv({}), dbPath: path.join(dir, 'hunian.sqlite'), distDir: path.join(dir, 'dist') };
  fs.mkdirSync(config.distDir);
  const database = openDatabase(config.dbPath);
  seedDemoData(database.db);
  const app = createApp(database.db, config);

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
    const site = database.db.select().from(sites).all().find((s) => (regionName === 'Kota Bandung' ? s.name.includes('Sadang') : s.name.includes('Pulo')))!;
    const unit = database.db.select().from(units).where(eq(units.siteId, site.id)).get()!;
    return unit as { id: string; regionId: string; siteId: string; code: string; version: number };
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
        inspectedOn: '2026-11-20',
        conditionRating: 4,
        notes: 'Atap bocor sedikit',
        inspectorId: 'x',
        recordedAt: new Date().toISOString(),
      },
      ...overrides,
    };
  }

  /** Serves the same app over real HTTP on a free loopback port. */
  async function listen(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  return {
    app,
    db: database.db,
    sqlite: database.sqlite,
    request,
    json,
    login,
    unitIn,
    inspectionMutation,
    listen,
    close: () => {
      database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestServer = ReturnType<typeof createTestServer>;
