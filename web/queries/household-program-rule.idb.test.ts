import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type ProgramRule, type Region } from '../../schema';
import { LocalDb } from '../../worker';
import { readProgramRuleFor } from './household-program-rule';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('program-rule-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const system = { version: 1, deleted: false, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'system' };
const region = (name: string, level: Region['level'], parentId: string | null): Region => ({ id: uuidv7(), parentId, level, code: name, name, ...system });
const rule = (regionId: string, effectiveFrom: string, maxMonthlyIncome: number): ProgramRule => ({
  id: uuidv7(),
  regionId,
  name: `UMP ${effectiveFrom.slice(0, 4)}`,
  maxMonthlyIncome,
  requireLocalIdCard: true,
  requireNoHouseOwned: true,
  effectiveFrom,
  ...system,
});

const jawaBarat = region('Jawa Barat', 'province', null);
const bandung = region('Kota Bandung', 'regency', jawaBarat.id);
const coblong = region('Coblong', 'district', bandung.id);

describe('the program rule of a household’s region', () => {
  it('is its province’s, found by walking up from a district', async () => {
    await db.regions.bulkPut([jawaBarat, bandung, coblong]);
    const ump = rule(jawaBarat.id, '2025-01-01', 2_191_232);
    await db.programRules.put(ump);
    expect(await readProgramRuleFor(db, coblong.id, '2026-11-25')).toEqual(ump);
    expect(await readProgramRuleFor(db, jawaBarat.id, '2026-11-25')).toEqual(ump);
  });

  it('is the latest one in force on the day, not one that starts later', async () => {
    await db.regions.bulkPut([jawaBarat, bandung]);
    const old = rule(jawaBarat.id, '2024-01-01', 2_057_495);
    const current = rule(jawaBarat.id, '2025-01-01', 2_191_232);
    const next = rule(jawaBarat.id, '2027-01-01', 2_300_000);
    await db.programRules.bulkPut([old, next, current]);
    expect((await readProgramRuleFor(db, bandung.id, '2026-11-25'))?.id).toBe(current.id);
    expect((await readProgramRuleFor(db, bandung.id, '2024-06-01'))?.id).toBe(old.id);
  });

  it('is none when the rule, or a region on the way up, is not on the device', async () => {
    await db.regions.bulkPut([jawaBarat, bandung, coblong]);
    expect(await readProgramRuleFor(db, coblong.id, '2026-11-25')).toBeNull();
    await db.programRules.put(rule(jawaBarat.id, '2025-01-01', 2_191_232));
    await db.regions.delete(bandung.id);
    expect(await readProgramRuleFor(db, coblong.id, '2026-11-25')).toBeNull();
  });

  it('ignores another province’s rule', async () => {
    const jakarta = region('DKI Jakarta', 'province', null);
    await db.regions.bulkPut([jawaBarat, bandung, jakarta]);
    await db.programRules.put(rule(jakarta.id, '2025-01-01', 5_396_761));
    expect(await readProgramRuleFor(db, bandung.id, '2026-11-25')).toBeNull();
  });
});
