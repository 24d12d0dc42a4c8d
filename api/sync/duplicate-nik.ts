import { duplicateFlag, uuidv7 } from '../../schema';
import type { StorageTx } from '../storage/storage';
import { writeChange } from './write-change';

/** The NIKs a household names: its head's, then each member's that has one, each once. */
export function niksOf(household: Readonly<Record<string, unknown>>): string[] {
  const members = Array.isArray(household.members) ? (household.members as { nik?: unknown }[]) : [];
  const niks = [household.headNik, ...members.map((m) => m.nik)].filter((nik): nik is string => typeof nik === 'string' && nik !== '');
  return [...new Set(niks)];
}

/** Live households, other than `householdId`, that name one of `niks` as head or as a member, with the first NIK they share. */
async function householdsNaming(tx: StorageTx, niks: readonly string[], householdId: string) {
  const found = new Map<string, { other: Record<string, unknown>; nik: string }>();
  const add = (other: Record<string, unknown>, nik: string | undefined) => {
    if (other.id !== householdId && nik !== undefined && !found.has(String(other.id))) found.set(String(other.id), { other, nik });
  };
  for (const nik of niks) for (const other of await tx.findRecords('households', 'headNik', nik)) add(other, nik);
  // Members' NIKs, all at once, from their index (decision 022).
  for (const other of await tx.findRecordsByListItem('households', 'members', 'nik', niks)) {
    const theirs = new Set(niksOf(other));
    add(other, niks.find((nik) => theirs.has(nik)));
  }
  return found;
}

async function regionName(tx: StorageTx, regionId: string): Promise<string> {
  const region = await tx.readRecord('regions', regionId);
  return String(region?.name ?? '');
}

async function alreadyFlagged(tx: StorageTx, householdId: string, otherHouseholdId: string): Promise<boolean> {
  // Dismissed flags count: once the office has looked at a pair, it is not asked again.
  const flags = await tx.findRecords('duplicateFlags', 'householdId', householdId);
  return flags.some((flag) => flag.otherHouseholdId === otherHouseholdId);
}

/**
 * S24: a NIK that another household names too, in any region, is flagged on both sides. The
 * device checks only the households it holds (its own regions); the server sees them all. Each
 * side gets a `duplicateFlags` record in its own region that names the other household's id and
 * its region's name, and nothing else of it: neither side learns the other's personal data. A pair
 * is flagged once, whichever of its NIKs matched and however often either household is saved.
 * Call it inside the push transaction, before the household's own change row, which stays the last
 * one its mutation writes (S8). Returns the number of flags written.
 */
export async function flagDuplicateNiks(
  tx: StorageTx,
  household: Readonly<Record<string, unknown>>,
  serverTime: string,
  newId: () => string = () => uuidv7(),
): Promise<number> {
  const householdId = String(household.id);
  const others = await householdsNaming(tx, niksOf(household), householdId);

  let written = 0;
  const flag = async (regionId: string, ownId: string, nik: string, otherId: string, otherRegionId: string) => {
    if (await alreadyFlagged(tx, ownId, otherId)) return;
    await writeChange(tx, {
      entity: duplicateFlag,
      op: 'upsert',
      record: {
        id: newId(),
        regionId,
        householdId: ownId,
        nik,
        otherHouseholdId: otherId,
        otherRegionName: await regionName(tx, otherRegionId),
        status: 'open',
        resolvedBy: null,
      },
      changedFields: null,
      // The server's own finding: no device, and not the pushing user's (S13 counts it as another's).
      userId: 'system',
      serverTime,
    });
    written++;
  };
  for (const [otherId, { other, nik }] of others) {
    const regionId = String(household.regionId);
    const otherRegionId = String(other.regionId);
    await flag(regionId, householdId, nik, otherId, otherRegionId);
    await flag(otherRegionId, otherId, nik, householdId, regionId);
  }
  return written;
}
