import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from './sqlite-storage';
import { indexedItemValues } from './list-items';

// The list-item index (schema/drizzle-tables.ts, listItemIndexes): households' member NIKs, which
// the duplicate check (S24) looks up in every region with each household a push writes.

let storage: ReturnType<typeof openSqliteStorage>;
beforeAll(() => {
  storage = openSqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-list-items-')), 'db.sqlite'));
});
afterAll(() => storage.close());

let next = 0;
function household(members: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  next++;
  return {
    id: `00000000-0000-7000-8000-${String(next).padStart(12, '0')}`,
    regionId: 'r1',
    headName: `Kepala ${next}`,
    headNik: '3273024512900001',
    kkNumber: '3273021512200001',
    birthDate: '1990-12-05',
    sex: 'female',
    maritalStatus: 'married',
    phone: '',
    currentHousing: 'renting',
    currentAddress: 'Jl. Uji',
    hasLocalIdCard: true,
    ownsHouse: false,
    headOccupation: '',
    headIncome: { amount: 1, period: 'month' },
    registeredBy: 'test',
    version: next,
    deleted: false,
    updatedAt: '2026-11-26T00:00:00.000Z',
    updatedBy: 'test',
    members,
    ...extra,
  };
}

const member = (nik: unknown) => ({ key: 'm', name: 'Anggota', nik, birthDate: '2010-01-01', sex: 'male', relationship: 'child' });
const write = (record: Record<string, unknown>) => storage.transaction((tx) => tx.writeRecord('households', record));
const indexRows = () => storage.sqlite.prepare('select value, record_id from households_members_nik order by record_id, value').all();
const rowsOf = (id: unknown) => (storage.sqlite.prepare('select value from households_members_nik where record_id = ? order by value').all(id) as { value: string }[]).map((r) => r.value);
const found = async (...niks: string[]) =>
  (await storage.read((r) => r.findRecordsByListItem('households', 'members', 'nik', niks))).map((h) => h.id).sort();

describe('the member-NIK index', () => {
  it('holds each distinct non-empty NIK of a household as written, and follows every later write', async () => {
    const h = household([member('3273020101100001'), member('3273020101100002'), member(''), member('3273020101100001'), { key: 'x' }]);
    await write(h);
    expect(rowsOf(h.id)).toEqual(['3273020101100001', '3273020101100002']);
    expect(await found('3273020101100002')).toEqual([h.id]);

    await write({ ...h, members: [member('3273020101100002'), member('3273020101100003')] });
    expect(rowsOf(h.id)).toEqual(['3273020101100002', '3273020101100003']);
    expect(await found('3273020101100001')).toEqual([]);
    expect(await found('3273020101100003', '3273020101199999')).toEqual([h.id]);

    // A tombstone keeps no rows, and a deleted household is never found.
    await write({ ...h, deleted: true });
    expect(rowsOf(h.id)).toEqual([]);
    expect(await found('3273020101100002', '3273020101100003')).toEqual([]);
  });

  it('finds every live household that names a NIK, and each once', async () => {
    const a = household([member('3273020101200001'), member('3273020101200002')]);
    const b = household([member('3273020101200002')]);
    const c = household([member('3273020101200003')]);
    for (const h of [a, b, c]) await write(h);
    expect(await found('3273020101200001', '3273020101200002')).toEqual([a.id, b.id].sort());
    expect(await found()).toEqual([]);
  });

  it('is refused for an item key that is not indexed', async () => {
    await expect(storage.read((r) => r.findRecordsByListItem('households', 'members', 'name', ['Anggota']))).rejects.toThrow(/no index/);
  });

  it('is filled by its migration from the households already stored, by the same rule as each write', async () => {
    const lists: unknown[][] = [
      [member('3273020101300001'), member('3273020101300002')],
      [member(''), member(null), member(true), member(3273020101300003), member(1e21), member({ nested: 1 }), 'not an item', null],
      [member('3273020101300004'), member('3273020101300004')],
      [],
    ];
    for (const list of lists) await write(household(list));
    await write(household([member('3273020101300005')], { deleted: true }));
    expect(indexedItemValues(lists[1], 'nik')).toEqual([]);
    const written = indexRows();

    const migration = fs.readFileSync(path.join(import.meta.dirname, 'migrations/0005_list_item_indexes.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toMatch(/INSERT OR IGNORE INTO `households_members_nik`/);
    storage.sqlite.exec('delete from households_members_nik');
    storage.sqlite.exec(backfill);
    expect(indexRows()).toEqual(written);
  });

  it('is filled when a server that stored households before it starts again with it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-list-items-upgrade-')), 'db.sqlite');
    const before = openSqliteStorage(file);
    for (let i = 0; i < 20; i++) {
      await before.transaction((tx) => tx.writeRecord('households', household([member(`32730201014${String(i).padStart(5, '0')}`), member(`32730201015${String(i % 7).padStart(5, '0')}`)], { deleted: i % 5 === 4 })));
    }
    const expected = (before.sqlite.prepare('select id, members from households where deleted = 0').all() as { id: string; members: string }[])
      .flatMap((h) => indexedItemValues(JSON.parse(h.members), 'nik').map((value) => ({ value, record_id: h.id })))
      .sort((a, b) => a.record_id.localeCompare(b.record_id) || a.value.localeCompare(b.value));
    expect(expected.length).toBeGreaterThan(0);
    // The file as migration 0004 left it: no index table, 0005 not applied.
    before.sqlite.exec('drop table households_members_nik');
    before.sqlite.exec('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
    before.close();
    const after = openSqliteStorage(file);
    try {
      expect(after.sqlite.prepare('select value, record_id from households_members_nik order by record_id, value').all()).toEqual(expected);
    } finally {
      after.close();
    }
  });
});
