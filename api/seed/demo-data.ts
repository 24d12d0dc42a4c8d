import { application, applicationEvent, household, inspection, lease, occupancyReport, programRule, region, site, unit, type Role, type WritableOf } from '../../schema';
import { hashPassword, legacyPasswordHash } from '../auth/password';
import type { Storage } from '../storage/storage';
import { makeDemoActivity, type DemoSite, type DemoUnit } from './demo-activity';
import type { DemoActor } from './demo-applications';
import type { DemoPlace } from './demo-people';
import { seededRandom, type SeededRandom } from './seeded-random';
import { seedWriter } from './seed-writer';

/**
 * `small`: regions, program rules, four sites of 12–24 units and the users (what the API tests
 * count on). `demo`: all that, plus three more Bandung sites (about 300 units in all) and life in
 * them: some 350 households, their applications and leases, reports and inspections.
 */
export const seedSizes = ['small', 'demo'] as const;
export type SeedSize = (typeof seedSizes)[number];

/** Demo logins, also given in the README. */
export const demoUsers = [
  { username: 'petugas', password: 'petugas123', displayName: 'Siti Rahmawati', role: 'field_officer', regions: ['Kota Bandung'] },
  { username: 'petugas.jaktim', password: 'petugas123', displayName: 'Budi Santoso', role: 'field_officer', regions: ['Kota Jakarta Timur'] },
  { username: 'kantor', password: 'kantor123', displayName: 'Dewi Lestari', role: 'office_staff', regions: ['Jawa Barat', 'DKI Jakarta', 'Jawa Tengah'] },
  { username: 'admin', password: 'admin123', displayName: 'Admin Hunian', role: 'admin', regions: ['Jawa Barat', 'DKI Jakarta', 'Jawa Tengah'] },
] as const satisfies readonly { username: string; password: string; displayName: string; role: Role; regions: string[] }[];

interface RegionNode {
  name: string;
  code: string;
  children?: RegionNode[];
}

const regionTree: RegionNode[] = [
  { name: 'Jawa Barat', code: '32', children: [{ name: 'Kota Bandung', code: '32.73', children: [{ name: 'Coblong', code: '32.73.02' }] }] },
  { name: 'DKI Jakarta', code: '31', children: [{ name: 'Kota Jakarta Timur', code: '31.75', children: [] }] },
  { name: 'Jawa Tengah', code: '33', children: [{ name: 'Kota Semarang', code: '33.74', children: [] }] },
];

/** The provincial minimum wage (UMP) 2025 as each province's income ceiling. */
const programRules = [
  { province: 'Jawa Barat', maxMonthlyIncome: 2_191_232 },
  { province: 'DKI Jakarta', maxMonthlyIncome: 5_396_761 },
  { province: 'Jawa Tengah', maxMonthlyIncome: 2_169_349 },
];
const ceilingOf = (province: string) => programRules.find((r) => r.province === province)!.maxMonthlyIncome;

const bandungNeighbourhoods = [
  ['Jl. Cisitu Lama', 'Dago', 'Coblong'],
  ['Jl. Tubagus Ismail', 'Sekeloa', 'Coblong'],
  ['Jl. Cikutra', 'Sukaluyu', 'Cibeunying Kaler'],
  ['Jl. Sarijadi Raya', 'Sarijadi', 'Sukasari'],
  ['Gg. Sukamulya', 'Sukawarna', 'Sukajadi'],
  ['Jl. Kiaracondong', 'Kebon Jayanti', 'Kiaracondong'],
  ['Jl. Cibaduyut Raya', 'Cibaduyut', 'Bojongloa Kidul'],
  ['Jl. Babakan Ciparay', 'Babakan', 'Babakan Ciparay'],
] as const;

/** Baseline entries are what the tests and end-to-end specs name; `demoOnly` sites join the full demo. */
const demoSites = [
  { region: 'Kota Bandung', name: 'Rusunawa Sadang Serang', code: 'SDS', address: 'Jl. Sadang Serang No. 12, Coblong, Bandung', lat: -6.8915, lng: 107.6237, blocks: ['A', 'B'], applicants: 20 },
  { region: 'Coblong', name: 'Rusunawa Cigadung', code: 'CGD', address: 'Jl. Cigadung Raya Barat No. 5, Bandung', lat: -6.8789, lng: 107.6263, blocks: ['A'], applicants: 12 },
  { region: 'Kota Jakarta Timur', name: 'Rusunawa Pulo Gebang', code: 'PLG', address: 'Jl. Sentra Primer Timur, Pulo Gebang, Jakarta Timur', lat: -6.2096, lng: 106.9566, blocks: ['A', 'B'], applicants: 12 },
  { region: 'Kota Semarang', name: 'Rusunawa Kaligawe', code: 'KLG', address: 'Jl. Kaligawe Raya, Semarang', lat: -6.9512, lng: 110.4575, blocks: ['A'], applicants: 6 },
  // Named to sort after Sadang Serang, so that the officer's unit list starts as the specs expect.
  { region: 'Kota Bandung', name: 'Rusunawa Sarijadi', code: 'SRJ', address: 'Jl. Sarijadi Raya No. 88, Sukasari, Bandung', lat: -6.8781, lng: 107.5797, blocks: ['A', 'B', 'C'], floors: 5, perFloor: 8, applicants: 26, demoOnly: true },
  { region: 'Coblong', name: 'Rusunawa Sekeloa', code: 'SKL', address: 'Jl. Sekeloa Selatan No. 21, Coblong, Bandung', lat: -6.8866, lng: 107.6183, blocks: ['A', 'B'], floors: 5, perFloor: 6, applicants: 18, demoOnly: true },
  { region: 'Kota Bandung', name: 'Rusunawa Tamansari', code: 'TMS', address: 'Jl. Tamansari No. 90, Bandung Wetan, Bandung', lat: -6.9005, lng: 107.6073, blocks: ['A', 'B'], floors: 4, perFloor: 6, applicants: 14, demoOnly: true },
];

const places: Record<string, Omit<DemoPlace, 'regionId'>> = {
  'Kota Bandung': { districtCodes: ['327301', '327302', '327305', '327306', '327307', '327312', '327314', '327316'], city: 'Kota Bandung', neighbourhoods: bandungNeighbourhoods, maxMonthlyIncome: ceilingOf('Jawa Barat') },
  Coblong: { districtCodes: ['327302'], city: 'Kota Bandung', neighbourhoods: bandungNeighbourhoods.filter((n) => n[2] === 'Coblong'), maxMonthlyIncome: ceilingOf('Jawa Barat') },
  'Kota Jakarta Timur': {
    districtCodes: ['317501', '317502', '317503', '317506', '317507'],
    city: 'Jakarta Timur',
    neighbourhoods: [['Jl. Pulo Gebang Permai', 'Pulo Gebang', 'Cakung'], ['Jl. Raya Bekasi', 'Cakung Timur', 'Cakung'], ['Jl. Pondok Kopi Raya', 'Pondok Kopi', 'Duren Sawit'], ['Jl. Matraman Raya', 'Palmeriam', 'Matraman']],
    maxMonthlyIncome: ceilingOf('DKI Jakarta'),
  },
  'Kota Semarang': {
    districtCodes: ['337401', '337402', '337403', '337410'],
    city: 'Kota Semarang',
    neighbourhoods: [['Jl. Kaligawe Raya', 'Kaligawe', 'Gayamsari'], ['Jl. Citarum', 'Bugangan', 'Semarang Timur'], ['Jl. Arteri Utara', 'Terboyo Kulon', 'Genuk']],
    maxMonthlyIncome: ceilingOf('Jawa Tengah'),
  },
};

/** The statuses of the baseline units, in turn (A-101 occupied, A-103 available, A-202 reserved …). */
const baselineStatuses = ['occupied', 'occupied', 'available', 'occupied', 'under_repair', 'reserved'] as const;

/** Fills an empty database with the demo data, the same on every run with the same `now`. */
/**
 * Loads the demo data into an empty database. With the server's secret the demo passwords are
 * hashed as the server hashes them; without it (benchmarks, tests of the seed) in the older form,
 * which the server accepts and replaces at the first sign-in.
 */
export async function seedDemoData(storage: Storage, options: { size?: SeedSize; now?: Date; secret?: Buffer } = {}): Promise<boolean> {
  if ((await storage.read((reader) => reader.countUsers())) > 0) return false;
  const { size = 'small', now = new Date() } = options;
  const serverTime = now.toISOString();
  const random = seededRandom(0x48554e49);
  let idCount = 0;
  // Time-ordered like the app's own ids (cheap B-tree inserts), yet the same on every run.
  const newId = () => random.uuid(now.getTime() - 86_400_000 + idCount++);
  const regionIds = new Map<string, string>();
  const userIds = new Map<string, string>(demoUsers.map((u) => [u.username, newId()]));
  const passwordHashes = demoUsers.map((u) => (options.secret ? hashPassword(u.password, options.secret) : legacyPasswordHash(u.password))); // slow: keep it out of the transaction

  await storage.transaction(async (tx) => {
    const write = seedWriter(tx, serverTime, newId);

    const addRegions = async (nodes: RegionNode[], parentId: string | null, level: number) => {
      for (const node of nodes) {
        const id = newId();
        regionIds.set(node.name, id);
        await write(region, { id, parentId, level: (['province', 'regency', 'district', 'village'] as const)[level], code: node.code, name: node.name });
        await addRegions(node.children ?? [], id, level + 1);
      }
    };
    await addRegions(regionTree, null, 0);

    for (const rule of programRules) {
      await write(programRule, {
        id: newId(),
        regionId: regionIds.get(rule.province)!,
        name: `Rusunawa ${rule.province} 2025 (UMP)`,
        maxMonthlyIncome: rule.maxMonthlyIncome,
        requireLocalIdCard: true,
        requireNoHouseOwned: true,
        effectiveFrom: '2025-01-01',
      });
    }

    const sites: DemoSite[] = [];
    for (const s of demoSites) {
      if (s.demoOnly && size !== 'demo') continue;
      const regionId = regionIds.get(s.region)!;
      const siteRecord = { id: newId(), regionId, name: s.name, address: s.address, latitude: s.lat, longitude: s.lng, floors: s.floors ?? 4 };
      await write(site, siteRecord);
      const units = s.demoOnly ? estateUnits(s, regionId, siteRecord.id, newId, random) : baselineUnits(s, regionId, siteRecord.id, newId);
      for (const u of units) await write(unit, u);
      const fieldWork = s.region === 'Kota Bandung' || s.region === 'Coblong';
      sites.push({ ...siteRecord, latitude: s.lat, longitude: s.lng, code: s.code, place: { regionId, ...places[s.region]! }, units, applicants: s.applicants, fieldWork, quietBlocks: s.name === 'Rusunawa Sadang Serang' ? ['A'] : [] });
    }
    if (size === 'demo') {
      const actor = (username: string): DemoActor => {
        const u = demoUsers.find((d) => d.username === username)!;
        return { id: userIds.get(username)!, name: u.displayName, role: u.role };
      };
      const officerOf = (regionId: string) =>
        regionId === regionIds.get('Kota Jakarta Timur') ? actor('petugas.jaktim') : regionId === regionIds.get('Kota Semarang') ? actor('kantor') : actor('petugas');
      let serial = 0;
      const today = serverTime.slice(0, 10);
      const activity = makeDemoActivity({ random, newId, nextSerial: () => ++serial, today }, sites, { officerOf, office: actor('kantor') }, now);
      const inOrder = [
        [household, activity.households],
        [application, activity.applications],
        [applicationEvent, activity.applicationEvents],
        [inspection, activity.inspections],
        [lease, activity.leases],
        [occupancyReport, activity.occupancyReports],
      ] as const;
      for (const [entity, records] of inOrder) for (const record of records) await write(entity, record);
    }

    for (const [index, u] of demoUsers.entries()) {
      await tx.insertUser({
        id: userIds.get(u.username)!,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        regionIds: u.regions.map((name) => regionIds.get(name)!),
        active: true,
        passwordHash: passwordHashes[index]!,
      });
    }
  });
  return true;
}

type UnitRecord = WritableOf<'units'> & DemoUnit;

/** The first four sites' units, exactly as the tests and specs know them: three floors of four per block. */
function baselineUnits(s: (typeof demoSites)[number], regionId: string, siteId: string, newId: () => string): UnitRecord[] {
  const units: UnitRecord[] = [];
  for (const block of s.blocks) {
    for (let floor = 1; floor <= 3; floor++) {
      for (let n = 1; n <= 4; n++) {
        const number = `${floor}0${n}`;
        units.push({
          id: newId(),
          regionId,
          siteId,
          code: `${block}-${number}`,
          block,
          floor,
          number,
          sizeM2: n % 2 === 0 ? 36 : 24,
          accessible: floor === 1,
          monthlyRent: floor === 1 ? 350_000 : 300_000 - floor * 10_000,
          status: baselineStatuses[units.length % baselineStatuses.length]!,
        });
      }
    }
  }
  return units;
}

/** A larger estate: twin blocks of 4–5 floors, 6–8 units a floor, type 24 and type 36, most let. */
function estateUnits(s: (typeof demoSites)[number], regionId: string, siteId: string, newId: () => string, random: SeededRandom): UnitRecord[] {
  const units: UnitRecord[] = [];
  for (const block of s.blocks) {
    for (let floor = 1; floor <= (s.floors ?? 4); floor++) {
      for (let n = 1; n <= (s.perFloor ?? 6); n++) {
        const number = `${floor}${String(n).padStart(2, '0')}`;
        const sizeM2 = n % 3 === 0 ? 36 : 24;
        units.push({
          id: newId(),
          regionId,
          siteId,
          code: `${block}-${number}`,
          block,
          floor,
          number,
          sizeM2,
          accessible: floor === 1,
          // The ground floor costs most (no stairs); each floor up a little less.
          monthlyRent: (sizeM2 === 36 ? 375_000 : 275_000) - (floor - 1) * 15_000,
          status: random.weighted([['occupied', 82], ['available', 6], ['reserved', 4], ['under_repair', 5], ['unavailable', 3]] as const),
        });
      }
    }
  }
  return units;
}
