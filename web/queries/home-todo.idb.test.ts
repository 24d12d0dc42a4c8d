import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Application, type Household, type OccupancyReport, type Region, type Site } from '../../schema';
import { LocalDb } from '../../worker';
import { readMyRegions } from './home-regions';
import { readApplicationTodos, readMonthlyReportTodos } from './home-todo';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('home-todo-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const system = { version: 1, deleted: false, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'system' };

function region(name: string, level: Region['level'], parentId: string | null): Region {
  return { id: uuidv7(), parentId, level, code: name.slice(0, 5), name, ...system };
}

function site(name: string, regionId: string, extra: Partial<Site> = {}): Site {
  return { id: uuidv7(), regionId, name, address: 'Bandung', latitude: null, longitude: null, floors: 4, ...system, ...extra };
}

const jabar = region('Jawa Barat', 'province', null);
const bandung = region('Kota Bandung', 'regency', jabar.id);
const coblong = region('Coblong', 'district', bandung.id);
const dago = region('Dago', 'village', coblong.id);
const cimahi = region('Kota Cimahi', 'regency', jabar.id);

describe('the home screen’s regions', () => {
  it('are the user’s regions with the names of the regions above, nearest first', async () => {
    await db.regions.bulkPut([jabar, bandung, coblong, dago, cimahi]);
    expect(await readMyRegions(db, [coblong.id, cimahi.id, 'not-on-device'])).toEqual([
      { id: coblong.id, name: 'Coblong', parents: ['Kota Bandung', 'Jawa Barat'] },
      { id: cimahi.id, name: 'Kota Cimahi', parents: ['Jawa Barat'] },
    ]);
  });
});

describe('this month’s reports on the home screen', () => {
  it('list every site in or below the user’s regions with its report’s state', async () => {
    await db.regions.bulkPut([jabar, bandung, coblong, dago, cimahi]);
    const [sadang, cigadung, rancacili, elsewhere, gone] = [
      site('Rusunawa Sadang Serang', dago.id),
      site('Rusunawa Cigadung', coblong.id),
      site('Rusunawa Rancacili', bandung.id),
      site('Rusunawa Cimahi', cimahi.id),
      site('Rusunawa Lama', bandung.id, { deleted: true }),
    ];
    await db.sites.bulkPut([sadang, cigadung, rancacili, elsewhere, gone]);
    const report = (siteId: string, month: string, status: OccupancyReport['status']): OccupancyReport => ({
      id: uuidv7(), regionId: bandung.id, siteId, month, status, rows: [], submittedAt: null, preparedBy: 'u1', ...system,
    });
    await db.occupancyReports.bulkPut([
      report(sadang.id, '2026-11', 'draft'),
      report(cigadung.id, '2026-11', 'submitted'),
      report(cigadung.id, '2026-11', 'draft'),
      report(rancacili.id, '2026-10', 'submitted'),
    ]);
    expect((await readMonthlyReportTodos(db, [bandung.id], '2026-11')).map((s) => [s.siteName, s.state])).toEqual([
      ['Rusunawa Cigadung', 'submitted'],
      ['Rusunawa Rancacili', 'missing'],
      ['Rusunawa Sadang Serang', 'draft'],
    ]);
  });
});

describe('applications on the home screen', () => {
  it('are the user’s own drafts and every returned application, newest first, with household and site names', async () => {
    const s = site('Rusunawa Sadang Serang', bandung.id);
    await db.sites.put(s);
    const household = { id: uuidv7(), headName: 'Siti Aminah' } as Household;
    await db.households.put(household);
    const application = (status: Application['status'], createdBy: string, updatedAt: string, extra: Partial<Application> = {}): Application => ({
      id: uuidv7(), regionId: bandung.id, householdId: household.id, siteId: s.id, status, submittedAt: null, decisionNote: null,
      offeredUnitId: null, statement: '', createdBy, ...system, updatedAt, ...extra,
    });
    const mine = application('draft', 'u1', '2026-11-02T00:00:00.000Z');
    const mineInForm = application('draft', 'u1', '2026-11-03T00:00:00.000Z');
    const colleagues = application('draft', 'u2', '2026-11-04T00:00:00.000Z');
    const returnedOld = application('returned', 'u2', '2026-11-01T00:00:00.000Z');
    const returnedNew = application('returned', 'u1', '2026-11-05T00:00:00.000Z');
    await db.applications.bulkPut([
      mine, mineInForm, colleagues, returnedOld, returnedNew,
      application('submitted', 'u1', '2026-11-06T00:00:00.000Z'),
      application('draft', 'u1', '2026-11-07T00:00:00.000Z', { deleted: true }),
    ]);
    const todos = await readApplicationTodos(db, 'u1', new Set([mineInForm.id]));
    expect(todos.drafts).toEqual([{ id: mine.id, status: 'draft', householdName: 'Siti Aminah', siteName: 'Rusunawa Sadang Serang', updatedAt: mine.updatedAt }]);
    expect(todos.returned.map((a) => a.id)).toEqual([returnedNew.id, returnedOld.id]);
  });
});
