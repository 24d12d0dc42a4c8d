import { region, site, unit, uuidv7, type Role } from '../../schema';
import { hashPassword } from '../auth/password';
import type { Storage } from '../storage/storage';
import { writeChange } from '../sync/write-change';

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

const demoSites = [
  { region: 'Kota Bandung', name: 'Rusunawa Sadang Serang', address: 'Jl. Sadang Serang No. 12, Coblong, Bandung', lat: -6.8915, lng: 107.6237, blocks: ['A', 'B'] },
  { region: 'Coblong', name: 'Rusunawa Cigadung', address: 'Jl. Cigadung Raya Barat No. 5, Bandung', lat: -6.8789, lng: 107.6263, blocks: ['A'] },
  { region: 'Kota Jakarta Timur', name: 'Rusunawa Pulo Gebang', address: 'Jl. Sentra Primer Timur, Pulo Gebang, Jakarta Timur', lat: -6.2096, lng: 106.9566, blocks: ['A', 'B'] },
  { region: 'Kota Semarang', name: 'Rusunawa Kaligawe', address: 'Jl. Kaligawe Raya, Semarang', lat: -6.9512, lng: 110.4575, blocks: ['A'] },
];

const statuses = ['occupied', 'occupied', 'available', 'occupied', 'under_repair', 'reserved'] as const;

/** Fills an empty database with a few regions, sites and units, and the demo users. */
export async function seedDemoData(storage: Storage, now = new Date()): Promise<boolean> {
  if ((await storage.read((reader) => reader.countUsers())) > 0) return false;
  const serverTime = now.toISOString();
  const regionIds = new Map<string, string>();
  const passwordHashes = demoUsers.map((u) => hashPassword(u.password)); // slow: keep it out of the transaction

  await storage.transaction(async (tx) => {
    const write = (entity: typeof region | typeof site | typeof unit, record: Record<string, unknown>) =>
      writeChange(tx, { entity, op: 'upsert', record, changedFields: null, userId: 'system', serverTime });

    const addRegions = async (nodes: RegionNode[], parentId: string | null, level: number) => {
      for (const node of nodes) {
        const id = uuidv7();
        regionIds.set(node.name, id);
        await write(region, { id, parentId, level: (['province', 'regency', 'district', 'village'] as const)[level], code: node.code, name: node.name });
        await addRegions(node.children ?? [], id, level + 1);
      }
    };
    await addRegions(regionTree, null, 0);

    for (const s of demoSites) {
      const siteId = uuidv7();
      const regionId = regionIds.get(s.region)!;
      await write(site, { id: siteId, regionId, name: s.name, address: s.address, latitude: s.lat, longitude: s.lng, floors: 4 });
      let i = 0;
      for (const block of s.blocks) {
        for (let floor = 1; floor <= 3; floor++) {
          for (let n = 1; n <= 4; n++) {
            const number = `${floor}0${n}`;
            await write(unit, {
              id: uuidv7(),
              regionId,
              siteId,
              code: `${block}-${number}`,
              block,
              floor,
              number,
              sizeM2: n % 2 === 0 ? 36 : 24,
              accessible: floor === 1,
              monthlyRent: floor === 1 ? 350_000 : 300_000 - floor * 10_000,
              status: statuses[i++ % statuses.length]!,
            });
          }
        }
      }
    }

    for (const [index, u] of demoUsers.entries()) {
      await tx.insertUser({
        id: uuidv7(),
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
