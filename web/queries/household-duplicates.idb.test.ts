import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Household } from '../../schema';
import { LocalDb } from '../../worker';
import { findNikDuplicates, peopleNiks, readOpenDuplicateFlags } from './household-duplicates';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('household-duplicates-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const regionId = uuidv7();
const system = { version: 1, deleted: false, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'system' };

function household(headName: string, headNik: string, members: { name: string; nik: string | null }[] = [], extra: Partial<Household> = {}): Household {
  return {
    id: uuidv7(),
    regionId,
    headName,
    headNik,
    kkNumber: '3273010101200001',
    birthDate: '2001-05-12',
    sex: 'male',
    maritalStatus: 'married',
    phone: '',
    currentHousing: 'renting',
    currentAddress: 'Bandung',
    hasLocalIdCard: true,
    ownsHouse: false,
    headOccupation: '',
    headIncome: null,
    members: members.map((m, i) => ({ key: `m${i}`, name: m.name, nik: m.nik, relationship: 'child', age: 10, occupation: '', income: null })),
    registeredBy: 'officer-1',
    ...system,
    ...extra,
  };
}

const asep = '3273011205010003';
const rina = '3273014706020002';
const dedi = '3273010303030004';

describe('duplicate NIKs on the device', () => {
  it('finds a head’s NIK as another household’s head, and a member’s as another’s member', async () => {
    const other = household('Ujang', asep, [{ name: 'Rina M.', nik: rina }]);
    await db.households.bulkPut([other, household('Unrelated', dedi)]);

    const found = await findNikDuplicates(db, null, [
      { nik: asep, holder: { role: 'head', name: 'Asep' } },
      { nik: rina, holder: { role: 'member', name: 'Rina' } },
    ]);
    expect(found).toEqual([
      { nik: asep, holder: { role: 'head', name: 'Asep' }, otherHouseholdId: other.id, otherHeadName: 'Ujang', otherHolder: { role: 'head', name: 'Ujang' } },
      { nik: rina, holder: { role: 'member', name: 'Rina' }, otherHouseholdId: other.id, otherHeadName: 'Ujang', otherHolder: { role: 'member', name: 'Rina M.' } },
    ]);
  });

  it('finds a member of ours who heads another household', async () => {
    const other = household('Rina', rina);
    await db.households.put(other);
    const found = await findNikDuplicates(db, null, [{ nik: rina, holder: { role: 'member', name: 'Rina' } }]);
    expect(found.map((d) => [d.otherHouseholdId, d.otherHolder.role])).toEqual([[other.id, 'head']]);
  });

  it('leaves out the household itself, deleted households and incomplete NIKs', async () => {
    const own = household('Asep', asep, [{ name: 'Rina', nik: rina }]);
    await db.households.bulkPut([own, household('Gone', asep, [], { deleted: true })]);
    expect(await findNikDuplicates(db, own.id, peopleNiks(own))).toEqual([]);
    expect(await findNikDuplicates(db, null, [{ nik: asep.slice(0, 10), holder: { role: 'head', name: 'Asep' } }])).toEqual([]);
    // Without the exclusion, the household finds itself: the query does look.
    expect(await findNikDuplicates(db, null, peopleNiks(own))).toHaveLength(2);
  });

  it('lists the NIKs of a household’s people, members without one left out', () => {
    const h = household('Asep', asep, [{ name: 'Rina', nik: rina }, { name: 'Bayi', nik: null }]);
    expect(peopleNiks(h)).toEqual([
      { nik: asep, holder: { role: 'head', name: 'Asep' } },
      { nik: rina, holder: { role: 'member', name: 'Rina' } },
    ]);
  });
});

describe('the server’s duplicate flags', () => {
  it('shows the open ones of the household only', async () => {
    const householdId = uuidv7();
    const flag = (nik: string, status: 'open' | 'dismissed', forHousehold = householdId) => ({
      id: uuidv7(),
      regionId,
      householdId: forHousehold,
      nik,
      otherHouseholdId: uuidv7(),
      otherRegionName: 'Kota Jakarta Timur',
      status,
      resolvedBy: null,
      ...system,
    });
    await db.duplicateFlags.bulkPut([flag(rina, 'open'), flag(asep, 'open'), flag(dedi, 'dismissed'), flag(asep, 'open', uuidv7())]);
    expect((await readOpenDuplicateFlags(db, householdId)).map((f) => f.nik)).toEqual([rina, asep].sort());
  });
});
