import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type MutationResult } from '../../schema';
import { appliedSeq, applicationFields, deviceOf, edit, householdFields, upsert } from '../test-support/domain-records';
import { createTestServer, type TestServer } from '../test-support/test-server';

// S28: one unit, one household, and a decision as one move, through the real app on a real SQLite file.

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

type Desk = Awaited<ReturnType<typeof deviceOf>>;
interface Made {
  id: string;
  regionId: string;
  householdId: string;
  version: number;
}

/** Two applications of one Bandung site, made by the officer and moved to `status` by the office, and two vacant units of that site. */
async function setUp(status: 'submitted' | 'approved') {
  const site = server.unitIn('Kota Bandung');
  const officer = await deviceOf(server, 'petugas');
  const office = await deviceOf(server, 'kantor');
  const apps: Made[] = [];
  for (let i = 0; i < 2; i++) {
    const household = householdFields(site.regionId);
    const application = applicationFields(site.regionId, household.id, site.siteId, { status: 'submitted', submittedAt: new Date().toISOString() });
    const [, made] = await officer.push(upsert('households', household), upsert('applications', application));
    let version = appliedSeq(made);
    if (status === 'approved') version = appliedSeq((await office.push(edit('applications', application.id, version, { status: 'approved' })))[0]);
    apps.push({ id: application.id, regionId: site.regionId, householdId: household.id, version });
  }
  const units = (server.sqlite.prepare("select id from units where site_id = ? and status = 'available' and deleted = 0 order by code limit 2").all(site.siteId) as { id: string }[]).map((u) => u.id);
  expect(units).toHaveLength(2);
  return { apps: apps as [Made, Made], units: units as [string, string] };
}

function lease(app: Made, unitId: string, applicationId: string | null) {
  const id = uuidv7();
  return upsert('leases', {
    id,
    regionId: app.regionId,
    agreementNumber: `SEWA-${id.slice(-6)}`,
    householdId: app.householdId,
    unitId,
    applicationId,
    startDate: '2026-12-01',
    endDate: '2027-11-30',
    monthlyRent: 300_000,
    deposit: 900_000,
    status: 'active',
  });
}

const outcome = (results: MutationResult[]) => results.map((r) => (r.status === 'rejected' ? `rejected ${r.reason.code}` : r.status));
const desk = (): Promise<Desk> => deviceOf(server, 'kantor');

describe('S28: one unit, one household', () => {
  it('S28: two desks offering the same vacant unit: the second offer is refused, and the unit stays with the first', async () => {
    const { apps: [x, y], units } = await setUp('approved');
    const [a, b] = [await desk(), await desk()];
    expect(outcome(await a.push(edit('applications', x.id, x.version, { status: 'unit_offered', offeredUnitId: units[0] })))).toEqual(['applied']);
    expect(outcome(await b.push(edit('applications', y.id, y.version, { status: 'unit_offered', offeredUnitId: units[0] })))).toEqual(['rejected unit_already_offered']);
    // Another unit for the second is fine.
    expect(outcome(await b.push(edit('applications', y.id, y.version, { status: 'unit_offered', offeredUnitId: units[1] })))).toEqual(['applied']);
    const held = server.sqlite.prepare('select offered_unit_id unit from applications where id = ?');
    expect([held.get(x.id), held.get(y.id)]).toEqual([{ unit: units[0] }, { unit: units[1] }]);
  });

  it('S28: a unit gets one active lease; a lease from an application must be for the unit it was offered', async () => {
    const { apps: [x, y], units } = await setUp('approved');
    const [a, b] = [await desk(), await desk()];
    expect(outcome(await a.push(edit('applications', x.id, x.version, { status: 'unit_offered', offeredUnitId: units[0] }), lease(x, units[0], x.id)))).toEqual(['applied', 'applied']);
    expect(outcome(await b.push(lease(y, units[0], null)))).toEqual(['rejected unit_already_leased']);
    // Y was approved, never offered a unit: no lease from it.
    expect(outcome(await b.push(lease(y, units[1], y.id)))).toEqual(['rejected offer_mismatch']);
    const active = server.sqlite.prepare("select count(*) n from leases where unit_id = ? and status = 'active' and deleted = 0").get(units[0]) as { n: number };
    expect(active.n).toBe(1);
  });

  it('S28: an application reads "lease signed" only with an active lease for its unit, sent before the move', async () => {
    const { apps: [x, y], units } = await setUp('approved');
    const a = await desk();
    const [offered] = await a.push(edit('applications', x.id, x.version, { status: 'unit_offered', offeredUnitId: units[0] }));
    expect(outcome(await a.push(edit('applications', x.id, appliedSeq(offered), { status: 'lease_signed' })))).toEqual(['rejected lease_required']);
    // The device's order: the lease, then the move.
    const [offeredY] = await a.push(edit('applications', y.id, y.version, { status: 'unit_offered', offeredUnitId: units[1] }));
    expect(outcome(await a.push(lease(y, units[1], y.id), edit('applications', y.id, appliedSeq(offeredY), { status: 'lease_signed' })))).toEqual(['applied', 'applied']);
  });

  it('S28: an agreement number names one lease', async () => {
    const { apps: [x, y], units } = await setUp('approved');
    const a = await desk();
    const first = lease(x, units[0], null);
    const second = lease(y, units[1], null);
    second.fields.agreementNumber = first.fields.agreementNumber;
    expect(outcome(await a.push(first, second))).toEqual(['applied', 'rejected agreement_number_taken']);
  });

  it('S28: a unit is reserved only for an application that holds it: a reservation whose offer was kept aside is refused with it', async () => {
    const { apps: [x, y], units } = await setUp('approved');
    const [a, b] = [await desk(), await desk()];
    const reserve = (unitId: string) => edit('units', unitId, (server.sqlite.prepare('select version from units where id = ?').get(unitId) as { version: number }).version, { status: 'reserved' });
    const unitStatus = (unitId: string) => (server.sqlite.prepare('select status from units where id = ?').get(unitId) as { status: string }).status;
    // An offer, then its reservation, as a desk sends them.
    expect(outcome(await a.push(edit('applications', x.id, x.version, { status: 'unit_offered', offeredUnitId: units[0] }), reserve(units[0])))).toEqual(['applied', 'applied']);
    expect(unitStatus(units[0])).toBe('reserved');
    // A second desk, not knowing, offers X another unit: its unit is kept aside with the lost
    // decision (the status is the same, the unit is not), so its reservation is refused.
    const [offer, reservation] = await b.push(edit('applications', x.id, x.version, { status: 'unit_offered', offeredUnitId: units[1] }), reserve(units[1]));
    expect(offer?.status === 'applied' ? (offer.conflicts ?? []).map((c) => c.field) : offer).toEqual(['offeredUnitId']);
    expect(outcome([reservation!])).toEqual(['rejected unit_not_held']);
    expect(unitStatus(units[1])).toBe('available');
    // Nor is a unit reserved with no offer at all; once Y is offered it, it may be.
    expect(outcome(await b.push(reserve(units[1])))).toEqual(['rejected unit_not_held']);
    expect(outcome(await b.push(edit('applications', y.id, y.version, { status: 'unit_offered', offeredUnitId: units[1] }), reserve(units[1])))).toEqual(['applied', 'applied']);
  });

  it('S28: an edit of a lease that already holds its unit is not refused', async () => {
    const { apps: [x], units } = await setUp('approved');
    const a = await desk();
    const made = lease(x, units[0], null);
    const version = appliedSeq((await a.push(made))[0]);
    expect(outcome(await a.push(edit('leases', made.recordId, version, { monthlyRent: 320_000 })))).toEqual(['applied']);
  });
});

describe('S28: a decision is one move', () => {
  it('S28: when two desks decide the same application at once, the second decision\u2019s note is kept aside with its status, not laid over the first', async () => {
    const { apps: [x] } = await setUp('submitted');
    const [a, b] = [await desk(), await desk()];
    // The first desk approves, with no note; the second, not knowing, waitlists with one.
    expect(outcome(await a.push(edit('applications', x.id, x.version, { status: 'approved' })))).toEqual(['applied']);
    const [second] = await b.push(edit('applications', x.id, x.version, { status: 'waitlisted', decisionNote: 'Menunggu unit ramah difabel' }));
    expect(second?.status).toBe('applied');
    expect(second?.status === 'applied' ? (second.conflicts ?? []).map((c) => c.field).sort() : []).toEqual(['decisionNote', 'status']);
    // An approval never reads "waiting for an accessible unit".
    expect(server.sqlite.prepare('select status, decision_note note from applications where id = ?').get(x.id)).toEqual({ status: 'approved', note: null });
    const kept = server.sqlite.prepare('select field, lost_value lost from conflicts where record_id = ? order by field').all(x.id) as { field: string; lost: string }[];
    expect(kept.map((k) => [k.field, JSON.parse(k.lost)])).toEqual([
      ['decisionNote', 'Menunggu unit ramah difabel'],
      ['status', 'waitlisted'],
    ]);
  });
});
