import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { entityTables } from '../../../schema/drizzle-tables';
import { seedDemoData } from '../../seed/demo-data';
import { preparedRows } from './row-codec';
import { appliedMutations, changeLog, changeLogCompaction, devices, regionDigests, sessions } from './server-tables';
import { openSqliteStorage } from './sqlite-storage';

// The push path reads rows straight from better-sqlite3 (row-codec.ts): they must be exactly the
// objects drizzle's select() gives, JSON and boolean columns and nulls included.

let storage: ReturnType<typeof openSqliteStorage>;
beforeAll(async () => {
  storage = openSqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-codec-')), 'db.sqlite'));
  await seedDemoData(storage, { size: 'demo' });
  await storage.transaction(async (tx) => {
    await tx.saveDevice({ id: 'd1', userId: 'u1', lastMutationSeq: 3, appVersion: null, schemaVersion: 3, firstSeenAt: 't0', lastSeenAt: 't1' });
    await tx.saveAppliedMutation({ mutationId: 'm1', deviceId: 'd1', seq: 1, result: { mutationId: 'm1', seq: 1, status: 'applied', appliedSeq: 7 } });
    await tx.insertSession({ tokenHash: 'h', userId: 'u1', createdAt: 't0', expiresAt: 't9' });
    await tx.compactChangeLog(1, 't2');
  });
});
afterAll(() => storage.close());

const tables = { ...entityTables, changeLog, devices, appliedMutations, regionDigests, sessions, changeLogCompaction };

it.each(Object.keys(tables))('decodes %s rows exactly as drizzle does', (name) => {
  const table = tables[name as keyof typeof tables];
  const viaDrizzle = drizzle(storage.sqlite).select().from(table).all() as Record<string, unknown>[];
  const direct = preparedRows(storage.sqlite, table, '').all();
  expect(direct).toEqual(viaDrizzle);
  // The same keys in the same order, not only equal values.
  expect(direct.map((row) => Object.keys(row))).toEqual(viaDrizzle.map((row) => Object.keys(row)));
});

it('is compared on rows that hold JSON, booleans and nulls', () => {
  const households = preparedRows(storage.sqlite, entityTables.households, '').all();
  expect(households.length).toBeGreaterThan(0);
  expect(households.some((h) => Array.isArray(h.members) && h.members.length > 0)).toBe(true);
  expect(households.some((h) => h.ownsHouse === false)).toBe(true);
  expect(preparedRows(storage.sqlite, sessions, '').all()[0]).toMatchObject({ tokenHash: 'h', revokedAt: null });
  const changes = preparedRows(storage.sqlite, changeLog, 'where "changed_fields" is null limit 1').all();
  expect(changes[0]?.data).toEqual(expect.objectContaining({ id: changes[0]?.recordId }));
});
