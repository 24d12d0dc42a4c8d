import { describe, expect, it } from 'vitest';
import type { Household } from '../../../schema';
import { householdsWithSharedNik } from './read-queue-rows';
import { ageInDays, defaultFilters, filterQueue, parseQueueQuery, queueQueryString, withKnownRegion, type QueueFilters, type QueueRow } from './review-queue';

function row(applicationId: string, overrides: Partial<QueueRow> = {}): QueueRow {
  return {
    applicationId,
    householdId: `h-${applicationId}`,
    headName: 'Asep',
    siteName: 'Rusunawa Sadang Serang',
    regionId: 'bandung',
    regionName: 'Kota Bandung',
    status: 'submitted',
    submittedAt: '2026-11-20T02:00:00.000Z',
    duplicate: false,
    ...overrides,
  };
}

const rows = [
  row('1', { headName: 'Cucu', submittedAt: '2026-11-22T00:00:00.000Z' }),
  row('2', { headName: 'asep', submittedAt: '2026-11-10T00:00:00.000Z', regionId: 'semarang' }),
  row('3', { headName: 'Budi', status: 'rejected', submittedAt: '2026-11-01T00:00:00.000Z' }),
  row('4', { headName: 'Dedi', status: 'unit_offered', submittedAt: '2026-11-15T00:00:00.000Z', regionId: 'bekasi' }),
  row('5', { headName: 'Eka', status: 'draft', submittedAt: null }),
  row('6', { headName: 'Fajar', status: 'lease_signed', submittedAt: '2026-10-01T00:00:00.000Z' }),
];
const within: Record<string, Set<string>> = { jabar: new Set(['jabar', 'bandung', 'bekasi']), jateng: new Set(['jateng', 'semarang']) };
const regionsOf = (id: string) => within[id] ?? new Set([id]);
const ids = (filters: Partial<QueueFilters>) => filterQueue(rows, { ...defaultFilters, ...filters }, regionsOf).map((r) => r.applicationId);

describe('the review queue', () => {
  it('shows by default what waits for the office, oldest submission first', () => {
    expect(ids({})).toEqual(['2', '4', '1']);
  });

  it('sorts by the head of household’s name, ignoring case', () => {
    expect(ids({ sort: 'name' })).toEqual(['2', '1', '4']);
  });

  it('filters by a region and every region below it', () => {
    expect(ids({ regionId: 'jabar' })).toEqual(['4', '1']);
    expect(ids({ regionId: 'jateng' })).toEqual(['2']);
  });

  it('filters by one status, or shows all of them (never-submitted last)', () => {
    expect(ids({ status: 'rejected' })).toEqual(['3']);
    expect(ids({ status: 'all' })).toEqual(['6', '3', '2', '4', '1', '5']);
  });

  it('keeps its filters in the query string, naming only what differs from the default', () => {
    expect(queueQueryString(defaultFilters)).toBe('');
    const filters: QueueFilters = { regionId: 'jabar', status: 'approved', sort: 'name' };
    expect(queueQueryString(filters)).toBe('region=jabar&status=approved&sort=name');
    expect(parseQueueQuery(`?${queueQueryString(filters)}`)).toEqual(filters);
  });

  it('reads an address with unknown values as the default filters', () => {
    expect(parseQueueQuery('?status=bogus&sort=height&region=')).toEqual(defaultFilters);
  });

  it('treats a region the address names but the device does not offer as no choice, not as an empty queue', () => {
    const choices = [{ id: 'jabar' }, { id: 'jateng' }];
    const unknown = withKnownRegion(parseQueueQuery('?region=papua&status=rejected'), choices);
    expect(unknown).toEqual({ ...defaultFilters, status: 'rejected' });
    expect(filterQueue(rows, withKnownRegion(parseQueueQuery('?region=papua'), choices), regionsOf).map((r) => r.applicationId)).toEqual(['2', '4', '1']);
    const known = parseQueueQuery('?region=jateng');
    expect(withKnownRegion(known, choices)).toBe(known);
  });

  it('counts the age in whole days since submission', () => {
    const now = new Date('2026-11-26T01:00:00.000Z');
    expect(ageInDays('2026-11-20T02:00:00.000Z', now)).toBe(5);
    expect(ageInDays('2026-11-26T00:30:00.000Z', now)).toBe(0);
    expect(ageInDays(null, now)).toBeNull();
  });
});

describe('the duplicate mark', () => {
  const household = (id: string, headNik: string, memberNik: string | null = null) =>
    ({ id, headName: id, headNik, members: memberNik ? [{ key: 'm', name: 'M', nik: memberNik, relationship: 'spouse', age: 30, occupation: '', income: null }] : [] }) as unknown as Household;

  it('marks both households that share a NIK, as head or as member, and no other', () => {
    const shared = householdsWithSharedNik([household('a', '3273011205010003'), household('b', '3273014106950002', '3273011205010003'), household('c', '3273015507900001')]);
    expect([...shared].sort()).toEqual(['a', 'b']);
  });
});
