import { applicationStatuses, type ApplicationStatus } from '../../../schema';

/** What the office has to act on: waiting for a decision, or decided and waiting for a unit or a lease. */
export const openStatuses: readonly ApplicationStatus[] = ['submitted', 'under_review', 'resubmitted', 'waitlisted', 'approved', 'unit_offered'];

export const queueSorts = ['age', 'name'] as const;
export type QueueSort = (typeof queueSorts)[number];

/** The queue's filters, as the address bar keeps them (`?region=…&status=…&sort=name`). */
export interface QueueFilters {
  /** One of the user's regions (with every region below it), or null for all of them. */
  regionId: string | null;
  /** One status, 'open' (the default set above) or 'all'. */
  status: ApplicationStatus | 'open' | 'all';
  sort: QueueSort;
}

export const defaultFilters: QueueFilters = { regionId: null, status: 'open', sort: 'age' };

/** One application as a row of the queue: what the office needs to see to pick the next one. */
export interface QueueRow {
  applicationId: string;
  householdId: string;
  headName: string;
  siteName: string;
  regionId: string;
  regionName: string;
  status: ApplicationStatus;
  /** Null for a draft (never submitted): such a row has no age. */
  submittedAt: string | null;
  /** Another household on the device shares a NIK, or the server flagged one (open). */
  duplicate: boolean;
}

const isStatus = (value: string): value is ApplicationStatus => (applicationStatuses as readonly string[]).includes(value);

/** The filters from a query string; anything unknown falls back to the default, never to an error. */
export function parseQueueQuery(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    regionId: params.get('region') || null,
    status: status === 'all' || isStatus(status) ? status : 'open',
    sort: (queueSorts as readonly string[]).includes(sort) ? (sort as QueueSort) : 'age',
  };
}

/**
 * The filters as the screen applies them: a region the address names but the region choice does
 * not offer (not on this device, or not the user's) counts as no choice, as the select then shows
 * "all regions", rather than an empty queue under it. The dashboard does the same.
 */
export function withKnownRegion(filters: QueueFilters, choices: readonly { id: string }[]): QueueFilters {
  if (!filters.regionId || choices.some((c) => c.id === filters.regionId)) return filters;
  return { ...filters, regionId: null };
}

/** The query string of the filters, naming only what differs from the default (a clean address). */
export function queueQueryString(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.regionId) params.set('region', filters.regionId);
  if (filters.status !== defaultFilters.status) params.set('status', filters.status);
  if (filters.sort !== defaultFilters.sort) params.set('sort', filters.sort);
  return params.toString();
}

/** Whole days since the submission, by the device clock; null when never submitted. */
export function ageInDays(submittedAt: string | null, now: Date): number | null {
  if (!submittedAt) return null;
  const ms = now.getTime() - new Date(submittedAt).getTime();
  return Number.isNaN(ms) ? null : Math.max(0, Math.floor(ms / 86_400_000));
}

const byName = (a: QueueRow, b: QueueRow) => a.headName.localeCompare(b.headName, 'id', { sensitivity: 'base' }) || a.applicationId.localeCompare(b.applicationId);

/** Oldest submission first (it has waited longest); never-submitted rows last. */
const byAge = (a: QueueRow, b: QueueRow) => {
  if (a.submittedAt === b.submittedAt) return byName(a, b);
  if (a.submittedAt === null) return 1;
  if (b.submittedAt === null) return -1;
  return a.submittedAt.localeCompare(b.submittedAt);
};

/**
 * The rows the filters keep, in their order. `regionsOf` answers the regions a chosen region
 * covers (itself and every region below it): a province's office sees its cities' applications.
 */
export function filterQueue(rows: readonly QueueRow[], filters: QueueFilters, regionsOf: (regionId: string) => ReadonlySet<string>): QueueRow[] {
  const regions = filters.regionId ? regionsOf(filters.regionId) : null;
  const kept = rows.filter((row) => {
    if (regions && !regions.has(row.regionId)) return false;
    if (filters.status === 'all') return true;
    if (filters.status === 'open') return openStatuses.includes(row.status);
    return row.status === filters.status;
  });
  return kept.sort(filters.sort === 'name' ? byName : byAge);
}
