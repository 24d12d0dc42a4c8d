import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Household, type HouseholdMember, type Site, type Unit } from '../../schema';
import { LocalDb } from '../../worker';
import { idDigits, searchMemberNiks, searchRecords, withMemberHits } from './search-records';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('search-records-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const system = { version: 1, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'system' };
const regionId = uuidv7();

function household(headName: string, headNik: string, kkNumber: string, extra: Partial<Household> = {}): Household {
  return {
    id: uuidv7(),
    regionId,
    headName,
    headNik,
    kkNumber,
    birthDate: '1985-04-12',
    sex: 'female',
    maritalStatus: 'married',
    phone: '',
    currentHousing: 'renting',
    currentAddress: 'Jl. Dago No. 1',
    hasLocalIdCard: true,
    ownsHouse: false,
    headOccupation: 'pedagang',
    headIncome: null,
    members: [],
    registeredBy: 'petugas',
    ...system,
    ...extra,
  };
}

function member(name: string, nik: string | null): HouseholdMember {
  return { key: name, name, nik, relationship: 'child', age: 12, occupation: '', income: null };
}

function site(name: string): Site {
  return { id: uuidv7(), regionId, name, address: 'Bandung', latitude: null, longitude: null, floors: 4, ...system };
}

function unit(siteId: string, code: string, extra: Partial<Unit> = {}): Unit {
  return { id: uuidv7(), regionId, siteId, code, block: 'A', floor: 1, number: '1', sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'available', ...system, ...extra };
}

describe('searching households and units on the device', () => {
  it('finds households by the beginning of the head’s name, ignoring case, sorted by name', async () => {
    await db.households.bulkPut([
      household('Siti Aminah', '3273014504850001', '3273010101100001'),
      household('siti Badriah', '3273014504850002', '3273010101100002'),
      household('Agus Sitinjak', '3273014504850003', '3273010101100003'),
      household('Sitorus', '3273014504850004', '3273010101100004', { deleted: true }),
    ]);
    const results = await searchRecords(db, '  SITI ');
    expect(results.households.map((h) => h.headName)).toEqual(['Siti Aminah', 'siti Badriah']);
    expect(results.moreHouseholds).toBe(false);
    expect(results.units).toEqual([]);
  });

  it('finds households by the beginning of the head’s NIK or the KK number, spaces and dots ignored', async () => {
    const byNik = household('Dewi', '3273014504850001', '3204010101100001');
    const byKk = household('Eko', '3204014504850001', '3273019999100001');
    const neither = household('Fajar', '3204014504850002', '3204010101100002');
    await db.households.bulkPut([byNik, byKk, neither]);
    expect((await searchRecords(db, '3273 01')).households.map((h) => h.headName)).toEqual(['Dewi', 'Eko']);
    expect((await searchRecords(db, '3273.0145')).households.map((h) => h.headName)).toEqual(['Dewi']);
    expect((await searchRecords(db, '3204010101100002')).households.map((h) => h.id)).toEqual([neither.id]);
    expect(idDigits('3273 0145-04')).toBe('32730145' + '04');
    expect(idDigits('Siti 32')).toBeNull();
  });

  it('finds units by the beginning of their code, with their site’s name, in numeric order', async () => {
    const sadang = site('Rusunawa Sadang Serang');
    const cigadung = site('Rusunawa Cigadung');
    await db.sites.bulkPut([sadang, cigadung]);
    await db.units.bulkPut([unit(sadang.id, 'A-10'), unit(sadang.id, 'A-2'), unit(cigadung.id, 'a-3'), unit(sadang.id, 'B-1'), unit(sadang.id, 'A-4', { deleted: true })]);
    const results = await searchRecords(db, 'a-');
    expect(results.units.map((u) => `${u.code} ${u.siteName}`)).toEqual(['A-2 Rusunawa Sadang Serang', 'a-3 Rusunawa Cigadung', 'A-10 Rusunawa Sadang Serang']);
  });

  it('stops at the limit and says there are more', async () => {
    const s = site('Rusunawa Rancacili');
    await db.sites.put(s);
    await db.units.bulkPut(Array.from({ length: 60 }, (_, i) => unit(s.id, `C-${i + 1}`)));
    await db.households.bulkPut(Array.from({ length: 60 }, (_, i) => household(`Budi ${i + 1}`, `32730145048${String(i).padStart(5, '0')}`, `32730101011${String(i).padStart(5, '0')}`)));
    const results = await searchRecords(db, 'c-', 50);
    expect(results.units).toHaveLength(50);
    expect(results.moreUnits).toBe(true);
    const people = await searchRecords(db, 'budi', 50);
    expect(people.households).toHaveLength(50);
    expect(people.moreHouseholds).toBe(true);
    expect((await searchRecords(db, 'c-6', 50)).moreUnits).toBe(false);
  });

  it('finds a household by a member’s NIK only from six digits on, after the indexed matches', async () => {
    const head = household('Hadi', '3273011111110001', '3273010000000001');
    const withChild = household('Gita', '3204011111110001', '3204010000000001', { members: [member('Rina', '3273016505100002'), member('Tono', null)] });
    await db.households.bulkPut([head, withChild]);
    expect((await searchMemberNiks(db, '32730')).households).toEqual([]);
    const members = await searchMemberNiks(db, '327301');
    expect(members.households).toEqual([{ id: withChild.id, headName: 'Gita', headNik: '3204011111110001', kkNumber: '3204010000000001', member: { name: 'Rina', nik: '3273016505100002' } }]);
    const merged = withMemberHits(await searchRecords(db, '327301'), members);
    expect(merged.households.map((h) => [h.headName, h.member?.name ?? null])).toEqual([
      ['Hadi', null],
      ['Gita', 'Rina'],
    ]);
  });

  it('answers nothing for an empty query', async () => {
    await db.households.put(household('Siti', '3273014504850001', '3273010101100001'));
    expect(await searchRecords(db, '   ')).toEqual({ households: [], moreHouseholds: false, units: [], moreUnits: false });
  });
});
