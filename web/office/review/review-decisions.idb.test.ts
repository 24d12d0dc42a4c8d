import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Application, type ApplicationStatus, type Unit } from '../../../schema';
import { LocalDb, type Session } from '../../../worker';
import { declineOffer, decide, offerUnit, oneYearLater, signLease, suggestedAgreementNumber } from './review-decisions';

let db: LocalDb;
const user = { id: 'office-1', username: 'kantor', displayName: 'Dewi Lestari', role: 'office_staff' as const, regionIds: [] };
const session: Session = { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user, deviceId: uuidv7() };
const officer: Session = { ...session, user: { ...user, id: 'officer-1', role: 'field_officer' } };

const system = { version: 7, deleted: false, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'system' };
const regionId = uuidv7();
const siteId = uuidv7();
const otherSiteId = uuidv7();
const householdId = uuidv7();
const now = new Date('2026-11-26T03:00:00.000Z');

function anApplication(status: ApplicationStatus, overrides: Partial<Application> = {}): Application {
  return {
    id: uuidv7(),
    regionId,
    householdId,
    siteId,
    status,
    submittedAt: '2026-11-20T02:00:00.000Z',
    decisionNote: null,
    offeredUnitId: null,
    statement: '',
    createdBy: 'officer-1',
    ...system,
    ...overrides,
  };
}

function aUnit(overrides: Partial<Unit> = {}): Unit {
  return { id: uuidv7(), regionId, siteId, code: 'A-103', block: 'A', floor: 1, number: '103', sizeM2: 24, accessible: false, monthlyRent: 350_000, status: 'available', ...system, ...overrides };
}

beforeEach(async () => {
  db = new LocalDb('review-decisions-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.setMeta('session', session);
  await db.setMeta('device', { deviceId: session.deviceId, nextSeq: 1 });
});
afterEach(() => db.close());

async function snapshot() {
  return {
    applications: await db.applications.toArray(),
    events: await db.applicationEvents.toArray(),
    units: await db.units.toArray(),
    leases: await db.leases.toArray(),
    outbox: await db.outbox.toArray(),
    device: await db.getMeta('device'),
  };
}

const outboxEntities = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => e.entity);
const eventsOf = (applicationId: string) => db.applicationEvents.where('applicationId').equals(applicationId).toArray();

describe('the office decides an application', () => {
  it('approves: status and event in the outbox, who and when recorded', async () => {
    const application = anApplication('submitted');
    await db.applications.put(application);
    expect(await decide(db, application.id, { to: 'approved', comment: '  Lengkap  ' }, session, now)).toEqual({ ok: true });
    expect(await db.applications.get(application.id)).toMatchObject({ status: 'approved', decisionNote: 'Lengkap' });
    expect(await eventsOf(application.id)).toMatchObject([
      { fromStatus: 'submitted', toStatus: 'approved', comment: 'Lengkap', fieldComments: {}, actorId: 'office-1', actorName: 'Dewi Lestari', at: now.toISOString(), regionId },
    ]);
    expect(await outboxEntities()).toEqual(['applications', 'applicationEvents']);
  });

  it('rejects with its reason as the decision note and the event comment', async () => {
    const application = anApplication('resubmitted');
    await db.applications.put(application);
    expect(await decide(db, application.id, { to: 'rejected', reason: 'Sudah memiliki rumah' }, session, now)).toEqual({ ok: true });
    expect(await db.applications.get(application.id)).toMatchObject({ status: 'rejected', decisionNote: 'Sudah memiliki rumah' });
    expect(await eventsOf(application.id)).toMatchObject([{ fromStatus: 'resubmitted', toStatus: 'rejected', comment: 'Sudah memiliki rumah' }]);
  });

  it('refuses a rejection without a reason, on the reason field, and writes nothing', async () => {
    const application = anApplication('submitted');
    await db.applications.put(application);
    const before = await snapshot();
    expect(await decide(db, application.id, { to: 'rejected', reason: '   ' }, session, now)).toEqual({ ok: false, problems: [{ field: 'decisionNote', code: 'reason_required' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('waitlists with a note', async () => {
    const application = anApplication('under_review');
    await db.applications.put(application);
    expect(await decide(db, application.id, { to: 'waitlisted', note: 'Belum ada unit difabel' }, session, now)).toEqual({ ok: true });
    expect(await db.applications.get(application.id)).toMatchObject({ status: 'waitlisted', decisionNote: 'Belum ada unit difabel' });
    expect(await eventsOf(application.id)).toMatchObject([{ fromStatus: 'under_review', toStatus: 'waitlisted', comment: 'Belum ada unit difabel' }]);
  });

  it('returns for correction with comments on fields (blank ones dropped) and a general comment', async () => {
    const application = anApplication('submitted');
    await db.applications.put(application);
    const fieldComments = { headIncome: ' Lampirkan slip gaji ', 'members.0.income': 'Penghasilan istri belum diisi', kkNumber: '  ' };
    expect(await decide(db, application.id, { to: 'returned', comment: 'Mohon dilengkapi', fieldComments }, session, now)).toEqual({ ok: true });
    expect(await db.applications.get(application.id)).toMatchObject({ status: 'returned' });
    const [event] = await eventsOf(application.id);
    expect(event).toMatchObject({ fromStatus: 'submitted', toStatus: 'returned', comment: 'Mohon dilengkapi' });
    expect(event?.fieldComments).toEqual({ headIncome: 'Lampirkan slip gaji', 'members.0.income': 'Penghasilan istri belum diisi' });
  });

  it('refuses a return that says nothing, on the field comments', async () => {
    const application = anApplication('submitted');
    await db.applications.put(application);
    const before = await snapshot();
    expect(await decide(db, application.id, { to: 'returned', comment: '', fieldComments: { headIncome: ' ' } }, session, now)).toEqual({
      ok: false,
      problems: [{ field: 'fieldComments', code: 'comment_required' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a move the lifecycle does not allow from the stored status (a sync moved it meanwhile)', async () => {
    const application = anApplication('rejected', { decisionNote: 'Tidak memenuhi syarat' });
    await db.applications.put(application);
    const before = await snapshot();
    expect(await decide(db, application.id, { to: 'approved' }, session, now)).toEqual({ ok: false, problems: [{ field: 'status', code: 'invalid_transition' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a field officer: the office decides', async () => {
    const application = anApplication('submitted');
    await db.applications.put(application);
    expect(await decide(db, application.id, { to: 'approved' }, officer, now)).toEqual({ ok: false, problems: [{ field: 'status', code: 'role_forbidden' }] });
    expect(await db.outbox.count()).toBe(0);
  });

  it('rolls back the application when the event is refused (a write refused half way leaves nothing)', async () => {
    const application = anApplication('submitted');
    await db.applications.put(application);
    const before = await snapshot();
    // 501 characters: the event's comment field refuses it after the application was already written.
    const result = await decide(db, application.id, { to: 'returned', fieldComments: { headIncome: 'x'.repeat(501) } }, session, now);
    expect(result.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});

describe('offering a unit, signing the lease, a declined offer', () => {
  async function approvedWithUnit(unitOverrides: Partial<Unit> = {}) {
    const application = anApplication('approved');
    const unit = aUnit(unitOverrides);
    await db.applications.put(application);
    await db.units.put(unit);
    return { application, unit };
  }

  it('an offer names the unit on the application and reserves the unit, with the event', async () => {
    const { application, unit } = await approvedWithUnit();
    expect(await offerUnit(db, application.id, unit.id, session, now)).toEqual({ ok: true });
    expect(await db.applications.get(application.id)).toMatchObject({ status: 'unit_offered', offeredUnitId: unit.id });
    expect(await db.units.get(unit.id)).toMatchObject({ status: 'reserved' });
    expect(await eventsOf(application.id)).toMatchObject([{ fromStatus: 'approved', toStatus: 'unit_offered' }]);
    expect(await outboxEntities()).toEqual(['applications', 'applicationEvents', 'units']);
  });

  it('refuses a unit no longer vacant or of another site, and changes nothing', async () => {
    const taken = await approvedWithUnit({ status: 'reserved' });
    const before = await snapshot();
    expect(await offerUnit(db, taken.application.id, taken.unit.id, session, now)).toEqual({ ok: false, problems: [{ field: 'unitId', code: 'unit_not_available' }] });
    const elsewhere = aUnit({ siteId: otherSiteId, code: 'B-201' });
    await db.units.put(elsewhere);
    expect(await offerUnit(db, taken.application.id, elsewhere.id, session, now)).toEqual({ ok: false, problems: [{ field: 'unitId', code: 'unit_not_in_site' }] });
    await db.units.delete(elsewhere.id);
    expect(await snapshot()).toEqual(before);
  });

  it('signing the lease creates an active lease, occupies the unit and moves the application to lease_signed', async () => {
    const { application, unit } = await approvedWithUnit();
    await offerUnit(db, application.id, unit.id, session, now);
    const terms = { agreementNumber: 'A-103/2026/0001', startDate: '2026-11-26', endDate: oneYearLater('2026-11-26'), monthlyRent: 350_000, deposit: 700_000 };
    const result = await signLease(db, application.id, terms, session, now);
    expect(result.ok).toBe(true);
    expect(await db.leases.toArray()).toMatchObject([{ id: result.leaseId, ...terms, applicationId: application.id, householdId, unitId: unit.id, regionId, status: 'active' }]);
    expect(await db.units.get(unit.id)).toMatchObject({ status: 'occupied' });
    expect(await db.applications.get(application.id)).toMatchObject({ status: 'lease_signed', offeredUnitId: unit.id });
    expect((await eventsOf(application.id)).map((e) => e.toStatus).sort()).toEqual(['lease_signed', 'unit_offered']);
    expect(await outboxEntities()).toEqual(['applications', 'applicationEvents', 'units', 'leases', 'units', 'applications', 'applicationEvents']);
  });

  it('a lease that ends before it starts is refused on the end date; unit and application stay as they were', async () => {
    const { application, unit } = await approvedWithUnit();
    await offerUnit(db, application.id, unit.id, session, now);
    const before = await snapshot();
    const terms = { agreementNumber: 'A-103/2026/0002', startDate: '2026-11-26', endDate: '2026-11-01', monthlyRent: 350_000, deposit: 0 };
    expect(await signLease(db, application.id, terms, session, now)).toEqual({ ok: false, problems: [{ field: 'endDate', code: 'end_before_start' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('a lease refused by its validator after nothing was written yet still leaves everything as it was', async () => {
    const { application, unit } = await approvedWithUnit();
    await offerUnit(db, application.id, unit.id, session, now);
    const before = await snapshot();
    const terms = { agreementNumber: '', startDate: '2026-11-26', endDate: '2027-11-25', monthlyRent: 350_000, deposit: 0 };
    const result = await signLease(db, application.id, terms, session, now);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toContain('agreementNumber');
    expect(await snapshot()).toEqual(before);
  });

  it('a refusal of the last write (the application) takes back the lease and the occupied unit already written', async () => {
    const { application, unit } = await approvedWithUnit();
    await offerUnit(db, application.id, unit.id, session, now);
    // A stored application its validator now refuses (written by an older version, say): the lease
    // and the unit are written first, then the application's save is refused.
    await db.applications.update(application.id, { statement: 'x'.repeat(2001) });
    const before = await snapshot();
    const terms = { agreementNumber: 'A-103/2026/0003', startDate: '2026-11-26', endDate: '2027-11-25', monthlyRent: 350_000, deposit: 0 };
    const result = await signLease(db, application.id, terms, session, now);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['statement']);
    expect(await snapshot()).toEqual(before);
  });

  it('a declined offer goes back to approved and frees the unit', async () => {
    const { application, unit } = await approvedWithUnit();
    await offerUnit(db, application.id, unit.id, session, now);
    expect(await declineOffer(db, application.id, session, now, 'Terlalu jauh dari tempat kerja')).toEqual({ ok: true });
    expect(await db.applications.get(application.id)).toMatchObject({ status: 'approved', offeredUnitId: null });
    expect(await db.units.get(unit.id)).toMatchObject({ status: 'available' });
    const events = await eventsOf(application.id);
    expect(events.find((e) => e.fromStatus === 'unit_offered')).toMatchObject({ toStatus: 'approved', comment: 'Terlalu jauh dari tempat kerja' });
  });

  it('approving an offered application directly is refused: the decline releases the unit', async () => {
    const { application, unit } = await approvedWithUnit();
    await offerUnit(db, application.id, unit.id, session, now);
    expect(await decide(db, application.id, { to: 'approved' }, session, now)).toEqual({ ok: false, problems: [{ field: 'status', code: 'invalid_transition' }] });
  });
});

describe('suggestions for the lease form', () => {
  it('a year runs to the day before the same date next year', () => {
    expect(oneYearLater('2026-11-26')).toBe('2027-11-25');
    expect(oneYearLater('2027-03-01')).toBe('2028-02-29');
  });
  it('the agreement number names the unit and the year', () => {
    expect(suggestedAgreementNumber('A-103', '019ab2c3-1111-7000-8000-00000000abcd', '2026-11-26')).toBe('A-103/2026/00ABCD');
  });
});
