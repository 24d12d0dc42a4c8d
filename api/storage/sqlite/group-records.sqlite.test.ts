import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoData } from '../../seed/demo-data';
import { openSqliteStorage } from './sqlite-storage';

// The write transaction of a group reads each record once (decision 016): what one push of the
// group writes, or undoes, the next one must still see as it is.

let storage: ReturnType<typeof openSqliteStorage>;
let unit: Record<string, unknown>;
beforeAll(async () => {
  storage = openSqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-group-records-')), 'db.sqlite'));
  await seedDemoData(storage, { size: 'small' });
  unit = storage.sqlite.prepare('select id from units limit 1').get() as { id: string };
  unit = (await storage.read((reader) => reader.readRecord('units', String(unit.id))))!;
});
afterAll(() => storage.close());

it('S2: a push of a group sees the record as the pushes before it in the group left it, written or undone', async () => {
  const seen: unknown[] = [];
  // Queued in one turn of the event loop: one group, one SQLite transaction.
  await Promise.allSettled([
    storage.transaction(async (tx) => seen.push((await tx.readRecord('units', String(unit.id)))?.block)),
    storage.transaction(async (tx) => tx.writeRecord('units', { ...unit, block: 'Z' })),
    storage.transaction(async (tx) => seen.push((await tx.readRecord('units', String(unit.id)))?.block)),
    storage.transaction(async (tx) => {
      await tx.writeRecord('units', { ...unit, block: 'Y' });
      seen.push((await tx.readRecord('units', String(unit.id)))?.block);
      throw new Error('refused');
    }),
    storage.transaction(async (tx) => seen.push((await tx.readRecord('units', String(unit.id)))?.block)),
  ]);
  expect(seen).toEqual([unit.block, 'Z', 'Y', 'Z']);
  expect(unit.block).not.toBe('Z');
});

it('hands out records that nobody may change', async () => {
  await storage.transaction(async (tx) => {
    const record = (await tx.readRecord('units', String(unit.id)))!;
    expect(Object.isFrozen(record)).toBe(true);
  });
});
