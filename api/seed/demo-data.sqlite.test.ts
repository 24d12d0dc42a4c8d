import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityByName, kkProblem, nikProblem, syncedEntities, validators, type Field } from '../../schema';
import { entityTables } from '../../schema/drizzle-tables';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage';
import { seedDemoData, type SeedSize } from './demo-data';

const dirs: string[] = [];
const opened: { close(): void }[] = [];
afterAll(() => {
  for (const storage of opened) storage.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2025-07-15T03:00:00.000Z');

async function seeded(size: SeedSize, at = now) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-seed-'));
  dirs.push(dir);
  const storage = openSqliteStorage(path.join(dir, 'hunian.sqlite'));
  opened.push(storage);
  const started = performance.now();
  await seedDemoData(storage, { size, now: at });
  const ms = performance.now() - started;
  const records = async (entity: string) =>
    storage.read(async (reader) => (await Promise.all((await reader.regionTree()).map((region) => reader.liveRecords(entity, region.id)))).flat());
  return { storage, ms, records };
}

type Row = Record<string, unknown>;

// Seeded once for the tests that only read it.
let demo: Awaited<ReturnType<typeof seeded>>;
let small: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => {
  demo = await seeded('demo');
  small = await seeded('small');
});

describe('the demo data', () => {
  it('S28: holds one unit per household: no unit offered to or leased by two applications, a lease behind every signed one', async () => {
    const applications = await demo.records('applications');
    const leases = (await demo.records('leases')).filter((l) => l.status === 'active');
    const holding = applications.filter((a) => a.status === 'unit_offered' || a.status === 'lease_signed');
    const units = holding.map((a) => a.offeredUnitId);
    expect(units.every((u) => typeof u === 'string')).toBe(true);
    expect(new Set(units).size).toBe(units.length);
    const leasedUnits = leases.map((l) => l.unitId);
    expect(new Set(leasedUnits).size).toBe(leasedUnits.length);
    for (const signed of holding.filter((a) => a.status === 'lease_signed')) {
      expect(leases.some((l) => l.applicationId === signed.id && l.unitId === signed.offeredUnitId), `lease of application ${String(signed.id)}`).toBe(true);
    }
    expect(holding.length).toBeGreaterThan(0);
    const numbers = (await demo.records('leases')).map((l) => l.agreementNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('is the same on every run with the same "now" (seeded, ids included)', async () => {
    const first = demo;
    const second = await seeded('demo');
    const dump = (s: typeof first) =>
      Object.keys(entityTables)
        .filter((t) => t !== 'users')
        .map((table) => s.storage.sqlite.prepare(`select * from ${table} order by id`).all());
    expect(dump(second)).toEqual(dump(first));
    const users = (s: typeof first) => s.storage.sqlite.prepare('select id, username, role, region_ids from users order by username').all();
    expect(users(second)).toEqual(users(first));
  });

  it('loads in well under two seconds', () => {
    console.log(`demo seed: ${demo.ms.toFixed(0)} ms`);
    // Two seconds is the goal on an idle machine; the margin is for a busy shared one.
    expect(demo.ms).toBeLessThan(3000);
  });

  it('holds only records that pass the validators devices apply, each in the region of what it references', async () => {
    for (const entity of syncedEntities) {
      const rows = (await demo.records(entity.name)) as Row[];
      for (const row of rows) {
        const parsed = validators[entity.name].record.safeParse(row);
        expect(parsed.success, `${entity.name} ${String(row.id)}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        for (const [fieldName, field] of Object.entries(entity.fields as Record<string, Field>)) {
          const target = field.options.references;
          if (!target || target === 'regions' || row[fieldName] === null) continue;
          const found = demo.storage.sqlite.prepare(`select region_id regionId from ${target} where id = ? and deleted = 0`).get(row[fieldName]) as Row | undefined;
          expect(found?.regionId, `${entity.name}.${fieldName} of ${String(row.id)}`).toBe(row.regionId);
        }
      }
    }
  });

  it('is a regency’s worth: some 300 units, mostly let, and a few hundred households', async () => {
    const units = (await demo.records('units')) as Row[];
    const households = (await demo.records('households')) as Row[];
    expect(units.length).toBeGreaterThanOrEqual(250);
    expect(units.length).toBeLessThanOrEqual(400);
    expect(units.filter((u) => u.status === 'occupied').length / units.length).toBeGreaterThan(0.6);
    expect(households.length).toBeGreaterThanOrEqual(250);
    const sites = ((await demo.records('sites')) as Row[]).map((s) => s.name).sort();
    expect(sites).toEqual(['Rusunawa Cigadung', 'Rusunawa Kaligawe', 'Rusunawa Pulo Gebang', 'Rusunawa Sadang Serang', 'Rusunawa Sarijadi', 'Rusunawa Sekeloa', 'Rusunawa Tamansari']);
    // Unit codes by block and floor, unique within their site.
    const codes = new Set(units.map((u) => `${String(u.siteId)} ${String(u.code)}`));
    expect(codes.size).toBe(units.length);
    for (const u of units) expect(u.code).toBe(`${String(u.block)}-${String(u.number)}`);
  });

  it('gives every household well-formed NIKs and a KK, unique but for the two pairs it flags (S24)', async () => {
    const households = (await demo.records('households')) as Row[];
    const seen = new Map<string, number>();
    for (const h of households) {
      expect(nikProblem(String(h.headNik))).toBeNull();
      expect(kkProblem(String(h.kkNumber))).toBeNull();
      const niks = [h.headNik, ...(h.members as { nik: string | null }[]).map((m) => m.nik)].filter((n): n is string => n !== null);
      for (const nik of niks) {
        expect(nikProblem(nik)).toBeNull();
        seen.set(nik, (seen.get(nik) ?? 0) + 1);
      }
    }
    const shared = [...seen].filter(([, n]) => n > 1).map(([nik]) => nik);
    expect(shared).toHaveLength(2);
    const flags = (await demo.records('duplicateFlags')) as Row[];
    expect(flags).toHaveLength(4);
    expect(new Set(flags.map((f) => f.nik))).toEqual(new Set(shared));
    expect(flags.map((f) => f.otherRegionName).sort()).toEqual(['Coblong', 'Kota Bandung', 'Kota Bandung', 'Kota Jakarta Timur']);
  });

  it('has an active lease for each occupied unit, at its rent, and an offer for each reserved one', async () => {
    const units = (await demo.records('units')) as Row[];
    const leases = (await demo.records('leases')) as Row[];
    const applications = (await demo.records('applications')) as Row[];
    const occupied = units.filter((u) => u.status === 'occupied');
    expect(leases.map((l) => l.unitId).sort()).toEqual(occupied.map((u) => u.id).sort());
    for (const l of leases) {
      const u = units.find((x) => x.id === l.unitId)!;
      expect(l).toMatchObject({ status: 'active', monthlyRent: u.monthlyRent });
      expect(String(l.startDate) <= '2025-07-15' && String(l.endDate) > '2025-07-15').toBe(true);
    }
    const offered = applications.filter((a) => a.status === 'unit_offered').map((a) => a.offeredUnitId);
    expect(offered.sort()).toEqual(units.filter((u) => u.status === 'reserved').map((u) => u.id).sort());
  });

  it('tells each application’s story in events that end in its status, each a move its actor may make', async () => {
    const applications = (await demo.records('applications')) as Row[];
    const events = (await demo.records('applicationEvents')) as Row[];
    const statuses = new Set(applications.map((a) => a.status));
    for (const status of ['draft', 'submitted', 'under_review', 'returned', 'approved', 'waitlisted', 'rejected', 'unit_offered', 'lease_signed']) expect(statuses).toContain(status);
    const rule = entityByName('applicationEvents')!.writeRule!;
    const users = demo.storage.sqlite.prepare('select id, role from users').all() as { id: string; role: 'field_officer' | 'office_staff' | 'admin' }[];
    for (const a of applications) {
      const story = events.filter((e) => e.applicationId === a.id).sort((x, y) => String(x.at).localeCompare(String(y.at)));
      expect(story[0]?.fromStatus).toBeNull();
      expect(story.at(-1)?.toStatus).toBe(a.status);
      for (const [i, e] of story.entries()) {
        if (i > 0) expect(e.fromStatus).toBe(story[i - 1]!.toStatus);
        const role = users.find((u) => u.id === e.actorId)!.role;
        const { version: _v, deleted: _d, updatedAt: _u, updatedBy: _b, ...own } = e;
        expect(rule({ role, op: 'upsert', before: null, after: own }), `${String(a.id)} ${String(e.fromStatus)} → ${String(e.toStatus)}`).toBeNull();
      }
      if (a.status === 'rejected') expect(String(a.decisionNote).trim()).not.toBe('');
    }
  });

  it("files last month's occupancy report for each of the officer's five sites, a row per unit", async () => {
    const reports = (await demo.records('occupancyReports')) as Row[];
    const sites = (await demo.records('sites')) as Row[];
    const units = (await demo.records('units')) as Row[];
    const bandungSites = sites.filter((s) => /Sadang|Cigadung|Sarijadi|Sekeloa|Tamansari/.test(String(s.name)));
    expect(reports.map((r) => r.siteId).sort()).toEqual(bandungSites.map((s) => s.id).sort());
    for (const r of reports) {
      expect(r).toMatchObject({ month: '2025-06', status: 'submitted' });
      const rows = r.rows as { unitId: string; occupied: boolean; occupants: number }[];
      expect(rows.map((x) => x.unitId).sort()).toEqual(units.filter((u) => u.siteId === r.siteId).map((u) => u.id).sort());
      for (const row of rows) expect(row.occupied).toBe(row.occupants > 0);
    }
    expect(((await demo.records('inspections')) as Row[]).length).toBeGreaterThan(10);
  });

  it('has a program rule per province, with the 2025 UMP as the income ceiling (small seed too)', async () => {
    const rules = small.storage.sqlite
      .prepare('select r.name province, p.max_monthly_income ceiling, p.require_local_id_card localId, p.require_no_house_owned noHouse from programRules p join regions r on r.id = p.region_id order by r.name')
      .all();
    expect(rules).toEqual([
      { province: 'DKI Jakarta', ceiling: 5_396_761, localId: 1, noHouse: 1 },
      { province: 'Jawa Barat', ceiling: 2_191_232, localId: 1, noHouse: 1 },
      { province: 'Jawa Tengah', ceiling: 2_169_349, localId: 1, noHouse: 1 },
    ]);
  });

  it('keeps, in both sizes, the baseline the tests and specs name: four sites of 12–24 units, A-102 at Sadang Serang', async () => {
    const baseline = (s: typeof small) =>
      s.storage.sqlite
        .prepare(
          "select s.name site, u.code, u.status, u.monthly_rent rent from units u join sites s on s.id = u.site_id where s.name in ('Rusunawa Sadang Serang', 'Rusunawa Cigadung', 'Rusunawa Pulo Gebang', 'Rusunawa Kaligawe') order by s.name, u.code",
        )
        .all() as { site: string; code: string; status: string }[];
    expect(baseline(demo)).toEqual(baseline(small));
    expect(baseline(small)).toHaveLength(72);
    expect(baseline(small).find((u) => u.site === 'Rusunawa Sadang Serang' && u.code === 'A-102')).toMatchObject({ status: 'occupied' });
    expect((small.storage.sqlite.prepare('select count(*) n from households').get() as { n: number }).n).toBe(0);
  });
});
