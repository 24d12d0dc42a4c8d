import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Site, type Unit } from '../../schema';
import { LocalDb } from '../../worker';
import { filterUnitRows, readUnitRows, UnitFilters } from './unit-rows';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('unit-rows-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const system = { version: 1, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'system' };
const regionId = uuidv7();

function site(name: string, address: string): Site {
  return { id: uuidv7(), regionId, name, address, latitude: null, longitude: null, floors: 4, ...system };
}

function unit(siteId: string, code: string, extra: Partial<Unit> = {}): Unit {
  const [block = '', number = ''] = code.split('-');
  return { id: uuidv7(), regionId, siteId, code, block, floor: 1, number, sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'occupied', ...system, ...extra };
}

describe('the units list rows', () => {
  it('are sorted by site name, then code with numbers in numeric order, without deleted units', async () => {
    const sadang = site('Rusunawa Sadang Serang', 'Jl. Sadang Serang No. 12, Bandung');
    const cigadung = site('Rusunawa Cigadung', 'Jl. Cigadung Raya Barat No. 5, Bandung');
    await db.sites.bulkPut([sadang, cigadung]);
    await db.units.bulkPut([
      unit(sadang.id, 'A-10'),
      unit(sadang.id, 'A-2'),
      unit(cigadung.id, 'B-1'),
      unit(cigadung.id, 'A-1'),
      unit(cigadung.id, 'A-3', { deleted: true }),
    ]);
    const rows = await readUnitRows(db);
    expect(rows.map((r) => `${r.siteName} ${r.code}`)).toEqual([
      'Rusunawa Cigadung A-1',
      'Rusunawa Cigadung B-1',
      'Rusunawa Sadang Serang A-2',
      'Rusunawa Sadang Serang A-10',
    ]);
  });

  it('match a query in the code, the site name or the address, ignoring case', async () => {
    const sadang = site('Rusunawa Sadang Serang', 'Jl. Sadang Serang No. 12, Coblong');
    const cigadung = site('Rusunawa Cigadung', 'Jl. Cigadung Raya Barat No. 5');
    await db.sites.bulkPut([sadang, cigadung]);
    await db.units.bulkPut([unit(sadang.id, 'A-101'), unit(cigadung.id, 'B-202')]);
    const rows = await readUnitRows(db);
    const codes = (query: string) => filterUnitRows(rows, query).map((r) => r.code);
    expect(codes('a-101')).toEqual(['A-101']);
    expect(codes('CIGADUNG')).toEqual(['B-202']);
    expect(codes('coblong')).toEqual(['A-101']);
    expect(codes('  ')).toEqual(['B-202', 'A-101']);
    expect(codes('kaligawe')).toEqual([]);
  });

  it('keep the searches typed lately: each answer is the full filter, narrowed from an earlier one and found again on Backspace', async () => {
    const sadang = site('Rusunawa Sadang Serang', 'Jl. Sadang Serang No. 12, Coblong');
    const cigadung = site('Rusunawa Cigadung', 'Jl. Cigadung Raya Barat No. 5');
    await db.sites.bulkPut([sadang, cigadung]);
    await db.units.bulkPut([unit(sadang.id, 'A-101'), unit(sadang.id, 'A-102'), unit(cigadung.id, 'B-202'), unit(cigadung.id, 'B-101')]);
    const rows = await readUnitRows(db);
    const filters = new UnitFilters(rows, 4);
    const typed = ['', 'r', 'ru', 'rusunawa c', 'rusunawa ci', 'rusunawa c', 'rusunawa', '1', '10', '101', 'a-101', '10', 'zz', '', '10'];
    const answers = typed.map((text) => filters.matches(text));
    // Whatever was kept or narrowed, the answer is what filtering every row gives.
    typed.forEach((text, i) => expect(answers[i]!.map((r) => r.id)).toEqual(filterUnitRows(rows, text).map((r) => r.id)));
    // Backspace to a search still kept gives its kept answer, not a new scan.
    expect(answers[5]).toBe(answers[3]);
    expect(answers[11]).toBe(answers[8]);
    // Four kept at most, the oldest dropped first: by its third time, '10' had been dropped.
    expect(answers[14]).not.toBe(answers[8]);
    expect(answers[14]!.map((r) => r.code)).toEqual(answers[8]!.map((r) => r.code));
  });
});
