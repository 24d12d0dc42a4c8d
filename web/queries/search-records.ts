import type { Household, Unit } from '../../schema';
import type { LocalDb } from '../../worker';

/** A household found by its head's name, NIK or KK number, or by a member's NIK. */
export interface HouseholdHit {
  id: string;
  headName: string;
  headNik: string;
  kkNumber: string;
  /** The member whose NIK matched, when the match was not the head's. */
  member: { name: string; nik: string } | null;
}

export interface UnitHit {
  id: string;
  code: string;
  status: Unit['status'];
  siteName: string;
}

export interface SearchResults {
  households: HouseholdHit[];
  /** More households match than `limit`: the officer should type more. */
  moreHouseholds: boolean;
  units: UnitHit[];
  moreUnits: boolean;
}

export const emptyResults: SearchResults = { households: [], moreHouseholds: false, units: [], moreUnits: false };

/** The digits of a query that reads as a NIK or KK number ("3273 0101 …", "3273.01"), else null. */
export function idDigits(query: string): string | null {
  const digits = query.trim().replace(/[\s.-]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

/** A member's NIK is not indexed: matching it scans every household, so only for a NIK-like prefix. */
export const memberNikMinDigits = 6;

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
const live = <T extends { deleted: boolean }>(record: T) => !record.deleted;

function householdHit(household: Household, member: HouseholdHit['member'] = null): HouseholdHit {
  return { id: household.id, headName: household.headName, headNik: household.headNik, kkNumber: household.kkNumber, member };
}

/**
 * Households and units whose indexed fields start with the query: head name (ignoring case), head
 * NIK and KK number (digits), unit code (ignoring case). Each read stops after `limit + 1`
 * records, so a keystroke costs the same with ten households or fifty thousand.
 */
export async function searchRecords(db: LocalDb, query: string, limit = 50): Promise<SearchResults> {
  const text = query.trim();
  if (!text) return emptyResults;
  const digits = idDigits(text);
  const take = limit + 1;
  const [byName, byNik, byKk, unitMatches] = await Promise.all([
    db.households.where('headName').startsWithIgnoreCase(text).filter(live).limit(take).toArray(),
    digits ? db.households.where('headNik').startsWith(digits).filter(live).limit(take).toArray() : [],
    digits ? db.households.where('kkNumber').startsWith(digits).filter(live).limit(take).toArray() : [],
    db.units.where('code').startsWithIgnoreCase(text).filter(live).limit(take).toArray(),
  ]);

  const households = new Map<string, Household>();
  for (const household of [...byName, ...byNik, ...byKk]) households.set(household.id, household);
  const sortedHouseholds = [...households.values()].sort((a, b) => collator.compare(a.headName, b.headName)).map((h) => householdHit(h));

  const sites = await db.sites.bulkGet([...new Set(unitMatches.map((unit) => unit.siteId))]);
  const siteNames = new Map(sites.filter((site) => site !== undefined).map((site) => [site.id, site.name]));
  const units = unitMatches
    .map((unit): UnitHit => ({ id: unit.id, code: unit.code, status: unit.status, siteName: siteNames.get(unit.siteId) ?? '' }))
    .sort((a, b) => collator.compare(a.code, b.code) || collator.compare(a.siteName, b.siteName));

  return {
    households: sortedHouseholds.slice(0, limit),
    moreHouseholds: sortedHouseholds.length > limit,
    units: units.slice(0, limit),
    moreUnits: units.length > limit,
  };
}

/**
 * Households with a member (not the head) whose NIK starts with the digits. Not indexed, so it
 * reads every household; the screen runs it only once typing pauses, for `memberNikMinDigits`
 * digits or more.
 */
export async function searchMemberNiks(db: LocalDb, digits: string, limit = 50): Promise<{ households: HouseholdHit[]; more: boolean }> {
  if (digits.length < memberNikMinDigits) return { households: [], more: false };
  const hits: HouseholdHit[] = [];
  await db.households
    .filter((household) => !household.deleted && household.members.some((member) => member.nik?.startsWith(digits)))
    .limit(limit + 1)
    .each((household) => {
      const member = household.members.find((m) => m.nik?.startsWith(digits))!;
      hits.push(householdHit(household, { name: member.name, nik: member.nik! }));
    });
  hits.sort((a, b) => collator.compare(a.headName, b.headName));
  return { households: hits.slice(0, limit), more: hits.length > limit };
}

/** Indexed results first; member matches after them, without the households already found. */
export function withMemberHits(results: SearchResults, members: { households: HouseholdHit[]; more: boolean } | undefined, limit = 50): SearchResults {
  if (!members || members.households.length === 0) return results;
  const found = new Set(results.households.map((h) => h.id));
  const extra = members.households.filter((h) => !found.has(h.id));
  const households = [...results.households, ...extra];
  return { ...results, households: households.slice(0, limit), moreHouseholds: results.moreHouseholds || members.more || households.length > limit };
}
