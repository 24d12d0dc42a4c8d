import { nikProblem, type DuplicateFlag, type Household } from '../../schema';
import type { LocalDb } from '../../worker';

/** Who in a household carries a NIK. */
export type NikHolder = { role: 'head'; name: string } | { role: 'member'; name: string };

export interface PersonNik {
  nik: string;
  holder: NikHolder;
}

/** The same NIK found in another household on this device. */
export interface NikDuplicate {
  nik: string;
  /** Who has it in the household being checked. */
  holder: NikHolder;
  otherHouseholdId: string;
  otherHeadName: string;
  /** Who has it in the other household. */
  otherHolder: NikHolder;
}

/** The NIKs of a household's people: the head's, then each member's that has one. */
export function peopleNiks(household: Pick<Household, 'headName' | 'headNik' | 'members'>): PersonNik[] {
  return [
    { nik: household.headNik, holder: { role: 'head', name: household.headName } },
    ...household.members.flatMap((m) => (m.nik ? [{ nik: m.nik, holder: { role: 'member' as const, name: m.name } }] : [])),
  ];
}

/**
 * Other households on the device that share a NIK with these people. The device sees only its
 * own regions; the server checks across all of them and writes duplicateFlags for what it finds.
 * The head's NIK is indexed; members' NIKs live inside the members list, so those are found by
 * one pass over the device's households (thousands at most, and only when a NIK is complete).
 */
export async function findNikDuplicates(db: LocalDb, householdId: string | null, people: readonly PersonNik[]): Promise<NikDuplicate[]> {
  const valid = people.filter((p) => nikProblem(p.nik) === null);
  if (valid.length === 0) return [];
  const niks = new Set(valid.map((p) => p.nik));
  const others = await db.households
    .filter((h) => h.id !== householdId && !h.deleted && (niks.has(h.headNik) || h.members.some((m) => m.nik !== null && niks.has(m.nik))))
    .toArray();
  const duplicates: NikDuplicate[] = [];
  for (const other of others.sort((a, b) => a.headName.localeCompare(b.headName) || a.id.localeCompare(b.id))) {
    for (const theirs of peopleNiks(other)) {
      for (const ours of valid) {
        if (ours.nik === theirs.nik) duplicates.push({ nik: ours.nik, holder: ours.holder, otherHouseholdId: other.id, otherHeadName: other.headName, otherHolder: theirs.holder });
      }
    }
  }
  return duplicates;
}

/** What the server found for this household and the office has not dismissed yet. */
export async function readOpenDuplicateFlags(db: LocalDb, householdId: string): Promise<DuplicateFlag[]> {
  const flags = await db.duplicateFlags.where('householdId').equals(householdId).toArray();
  return flags.filter((f) => !f.deleted && f.status === 'open').sort((a, b) => a.nik.localeCompare(b.nik) || a.id.localeCompare(b.id));
}
