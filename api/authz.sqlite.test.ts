import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, versionHeaders } from '../schema';
import {
  appliedSeq,
  applicationFields,
  deviceOf,
  edit,
  householdFields,
  pullAll,
  regionIdOf,
  remove,
  rejectionCode,
  siteOf,
  upsert,
  versionOf,
} from './test-support/domain-records';
import { createTestServer, type TestServer } from './test-support/test-server';

// Who may do what, per role and region, each attempt made through the API as a device would
// (S6, S15): the rejection code is what the device shows on the record.

let server: TestServer;
let bandung: string;
let coblong: string;
let jaktim: string;
let jawaBarat: string;
let sadangSerang: { id: string; regionId: string };
let cigadung: { id: string; regionId: string };
let puloGebang: { id: string; regionId: string };

beforeEach(async () => {
  server = await createTestServer();
  bandung = regionIdOf(server, 'Kota Bandung');
  coblong = regionIdOf(server, 'Coblong');
  jaktim = regionIdOf(server, 'Kota Jakarta Timur');
  jawaBarat = regionIdOf(server, 'Jawa Barat');
  sadangSerang = siteOf(server, 'Rusunawa Sadang Serang');
  cigadung = siteOf(server, 'Rusunawa Cigadung');
  puloGebang = siteOf(server, 'Rusunawa Pulo Gebang');
});
afterEach(() => server.close());

/** A household and its submitted application in Kota Bandung, written by the Bandung officer. */
async function submittedInBandung(officer: Awaited<ReturnType<typeof deviceOf>>) {
  const household = householdFields(bandung);
  const application = applicationFields(bandung, household.id, sadangSerang.id, { status: 'submitted', submittedAt: new Date().toISOString(), createdBy: officer.user.id });
  const results = await officer.push(upsert('households', household), upsert('applications', application));
  results.forEach(appliedSeq);
  return { household, application };
}

const event = (application: { id: string; regionId: string }, fromStatus: string | null, toStatus: string, actor: { id: string; displayName: string }, extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  regionId: application.regionId,
  applicationId: application.id,
  fromStatus,
  toStatus,
  comment: '',
  fieldComments: {},
  actorId: actor.id,
  actorName: actor.displayName,
  at: new Date().toISOString(),
  ...extra,
});

describe('S6: an officer writes only in her own regions', () => {
  it('S6 S15: an officer of Jakarta Timur cannot push a household or an application into Kota Bandung (region_forbidden)', async () => {
    const budi = await deviceOf(server, 'petugas.jaktim');
    const household = householdFields(bandung);
    expect(rejectionCode((await budi.push(upsert('households', household)))[0])).toBe('region_forbidden');

    const siti = await deviceOf(server, 'petugas');
    const { household: bandungHousehold } = await submittedInBandung(siti);
    const application = applicationFields(bandung, bandungHousehold.id, sadangSerang.id);
    expect(rejectionCode((await budi.push(upsert('applications', application)))[0])).toBe('region_forbidden');
    expect(server.sqlite.prepare('select count(*) n from households where region_id = ?').get(bandung)).toEqual({ n: 1 });
  });

  it("S6 S15: an officer of Jakarta Timur cannot change a Bandung household she somehow knows the id of (region_forbidden)", async () => {
    const siti = await deviceOf(server, 'petugas');
    const { household } = await submittedInBandung(siti);
    const budi = await deviceOf(server, 'petugas.jaktim');
    const moved = edit('households', household.id, versionOf(server, 'households', household.id), { regionId: jaktim, headName: 'Diambil alih' });
    expect(rejectionCode((await budi.push(moved))[0])).toBe('region_forbidden');
    expect(server.sqlite.prepare('select head_name name, region_id regionId from households where id = ?').get(household.id)).toEqual({ name: household.headName, regionId: bandung });
  });

  it('S6 S15: a Jakarta application cannot name a Bandung site or a Bandung household (invalid_reference)', async () => {
    const budi = await deviceOf(server, 'petugas.jaktim');
    const ownHousehold = householdFields(jaktim);
    appliedSeq((await budi.push(upsert('households', ownHousehold)))[0]);
    const toBandungSite = await budi.push(upsert('applications', applicationFields(jaktim, ownHousehold.id, sadangSerang.id)));
    expect(rejectionCode(toBandungSite[0])).toBe('invalid_reference');
    expect(toBandungSite[0]).toMatchObject({ reason: { details: { field: 'siteId' } } });

    const siti = await deviceOf(server, 'petugas');
    const { household: bandungHousehold } = await submittedInBandung(siti);
    const forBandungHousehold = await budi.push(upsert('applications', applicationFields(jaktim, bandungHousehold.id, puloGebang.id)));
    expect(rejectionCode(forBandungHousehold[0])).toBe('invalid_reference');
    expect(forBandungHousehold[0]).toMatchObject({ reason: { details: { field: 'householdId' } } });

    appliedSeq((await budi.push(upsert('applications', applicationFields(jaktim, ownHousehold.id, puloGebang.id))))[0]);
  });

  it('S6: the Bandung officer writes in Coblong below her region, but never in Jawa Barat above it', async () => {
    const siti = await deviceOf(server, 'petugas');
    const inCoblong = householdFields(coblong);
    appliedSeq((await siti.push(upsert('households', inCoblong)))[0]);
    appliedSeq((await siti.push(upsert('applications', applicationFields(coblong, inCoblong.id, cigadung.id))))[0]);
    expect(rejectionCode((await siti.push(upsert('households', householdFields(jawaBarat))))[0])).toBe('region_forbidden');
  });

  it('S6: an application lives in the region of its site and household (region_mismatch)', async () => {
    const siti = await deviceOf(server, 'petugas');
    const household = householdFields(bandung);
    appliedSeq((await siti.push(upsert('households', household)))[0]);
    // Rusunawa Cigadung is in Coblong; the application and household are in Kota Bandung.
    const mismatch = await siti.push(upsert('applications', applicationFields(bandung, household.id, cigadung.id)));
    expect(rejectionCode(mismatch[0])).toBe('region_mismatch');
  });
});

describe("S6: a field officer never makes the office's decisions", () => {
  it('S6 S15: an officer cannot approve, reject, return, waitlist or review an application (role_forbidden)', async () => {
    const siti = await deviceOf(server, 'petugas');
    const { application } = await submittedInBandung(siti);
    const base = versionOf(server, 'applications', application.id);
    for (const status of ['approved', 'rejected', 'returned', 'waitlisted', 'under_review']) {
      const move = edit('applications', application.id, base, { status, decisionNote: status === 'rejected' ? 'Penghasilan di atas UMP' : null });
      expect(rejectionCode((await siti.push(move))[0]), status).toBe('role_forbidden');
    }
    expect(rejectionCode((await siti.push(upsert('applicationEvents', event(application, 'submitted', 'approved', siti.user))))[0])).toBe('role_forbidden');
    expect(server.sqlite.prepare('select status from applications where id = ?').get(application.id)).toEqual({ status: 'submitted' });
  });

  it('S6 S15: an officer cannot offer a unit or write a decision note, even on her own draft (role_forbidden)', async () => {
    const siti = await deviceOf(server, 'petugas');
    const household = householdFields(bandung);
    const draft = applicationFields(bandung, household.id, sadangSerang.id);
    (await siti.push(upsert('households', household), upsert('applications', draft))).forEach(appliedSeq);
    const unit = server.unitIn('Kota Bandung');
    const base = versionOf(server, 'applications', draft.id);
    expect(rejectionCode((await siti.push(edit('applications', draft.id, base, { offeredUnitId: unit.id })))[0])).toBe('role_forbidden');
    expect(rejectionCode((await siti.push(edit('applications', draft.id, base, { decisionNote: 'Disetujui' })))[0])).toBe('role_forbidden');
  });

  it('S6 S15: an officer cannot change what a submitted application says (application_locked)', async () => {
    const siti = await deviceOf(server, 'petugas');
    const { application } = await submittedInBandung(siti);
    const edited = edit('applications', application.id, versionOf(server, 'applications', application.id), { statement: 'Ditambah keterangan baru' });
    expect(rejectionCode((await siti.push(edited))[0])).toBe('application_locked');
  });

  it.each(['leases', 'programRules', 'duplicateFlags', 'units', 'sites'])('S6 S15: an officer cannot write %s (role_forbidden)', async (entity) => {
    const siti = await deviceOf(server, 'petugas');
    const unit = server.unitIn('Kota Bandung');
    const { household } = await submittedInBandung(siti);
    const records: Record<string, Record<string, unknown> & { id: string }> = {
      leases: { id: uuidv7(), regionId: bandung, agreementNumber: 'SDS/2025/0001', householdId: household.id, unitId: unit.id, applicationId: null, startDate: '2025-08-01', endDate: '2027-07-31', monthlyRent: 350_000, deposit: 1_050_000, status: 'active' },
      programRules: { id: uuidv7(), regionId: bandung, name: 'Aturan kota', maxMonthlyIncome: 9_000_000, requireLocalIdCard: false, requireNoHouseOwned: false, effectiveFrom: '2025-01-01' },
      duplicateFlags: { id: uuidv7(), regionId: bandung, householdId: household.id, nik: household.headNik, otherHouseholdId: uuidv7(), otherRegionName: 'Kota Jakarta Timur', status: 'open', resolvedBy: null },
      units: { id: unit.id, regionId: bandung, status: 'available' },
      sites: { id: sadangSerang.id, name: 'Rusunawa Baru' },
    };
    const record = records[entity]!;
    const mutation = entity === 'units' || entity === 'sites' ? edit(entity, record.id, versionOf(server, entity, record.id), record) : upsert(entity, record);
    expect(rejectionCode((await siti.push(mutation))[0])).toBe('role_forbidden');
  });
});

describe('S6: the office moves an application through its lifecycle', () => {
  it('S6: submitted → returned with field comments → resubmitted by the officer → approved → unit_offered → lease_signed', async () => {
    const siti = await deviceOf(server, 'petugas');
    const dewi = await deviceOf(server, 'kantor');
    const household = householdFields(bandung);
    const draft = applicationFields(bandung, household.id, sadangSerang.id, { createdBy: siti.user.id });
    (await siti.push(upsert('households', household), upsert('applications', draft), upsert('applicationEvents', event(draft, null, 'draft', siti.user)))).forEach(appliedSeq);

    const moveBy = async (device: typeof siti, from: string, to: string, fields: Record<string, unknown> = {}, eventExtra: Record<string, unknown> = {}) => {
      const results = await device.push(
        edit('applications', draft.id, versionOf(server, 'applications', draft.id), { status: to, ...fields }),
        upsert('applicationEvents', event(draft, from, to, device.user, eventExtra)),
      );
      results.forEach(appliedSeq);
      expect(server.sqlite.prepare('select status from applications where id = ?').get(draft.id)).toEqual({ status: to });
    };

    await moveBy(siti, 'draft', 'submitted', { submittedAt: new Date().toISOString() });
    await moveBy(dewi, 'submitted', 'returned', {}, { comment: 'Mohon dilengkapi', fieldComments: { headIncome: 'Lampirkan surat keterangan penghasilan dari kelurahan' } });
    await moveBy(siti, 'returned', 'resubmitted', { submittedAt: new Date().toISOString(), statement: 'Surat keterangan penghasilan sudah dilampirkan' });
    await moveBy(dewi, 'resubmitted', 'approved', {}, { comment: 'Memenuhi syarat' });
    const unit = server.sqlite.prepare("select id from units where region_id = ? and status = 'available' limit 1").get(bandung) as { id: string };
    await moveBy(dewi, 'approved', 'unit_offered', { offeredUnitId: unit.id });
    // The lease first, then the move: signed means a lease exists (S28).
    const lease = { id: uuidv7(), regionId: bandung, agreementNumber: 'SDS/2025/0042', householdId: household.id, unitId: unit.id, applicationId: draft.id, startDate: '2025-08-01', endDate: '2027-07-31', monthlyRent: 350_000, deposit: 1_050_000, status: 'active' };
    appliedSeq((await dewi.push(upsert('leases', lease)))[0]);
    await moveBy(dewi, 'unit_offered', 'lease_signed');

    const story = server.sqlite.prepare('select from_status fromStatus, to_status toStatus, field_comments fieldComments from applicationEvents where application_id = ? order by version').all(draft.id) as { fromStatus: string | null; toStatus: string; fieldComments: string }[];
    expect(story.map((e) => `${e.fromStatus ?? '∅'}→${e.toStatus}`)).toEqual(['∅→draft', 'draft→submitted', 'submitted→returned', 'returned→resubmitted', 'resubmitted→approved', 'approved→unit_offered', 'unit_offered→lease_signed']);
    expect(JSON.parse(story[2]!.fieldComments)).toEqual({ headIncome: 'Lampirkan surat keterangan penghasilan dari kelurahan' });
  });

  it('S6 S15: the office must give a reason to reject (reason_required) and a comment to return', async () => {
    const siti = await deviceOf(server, 'petugas');
    const dewi = await deviceOf(server, 'kantor');
    const { application } = await submittedInBandung(siti);
    const base = versionOf(server, 'applications', application.id);
    expect(rejectionCode((await dewi.push(edit('applications', application.id, base, { status: 'rejected' })))[0])).toBe('reason_required');
    expect(rejectionCode((await dewi.push(upsert('applicationEvents', event(application, 'submitted', 'returned', dewi.user))))[0])).toBe('reason_required');
    appliedSeq((await dewi.push(edit('applications', application.id, base, { status: 'rejected', decisionNote: 'Sudah memiliki rumah di Cimahi' })))[0]);
  });

  it('S6 S15: the office cannot skip the lifecycle (invalid_transition), nor offer without naming a unit', async () => {
    const siti = await deviceOf(server, 'petugas');
    const dewi = await deviceOf(server, 'kantor');
    const { application } = await submittedInBandung(siti);
    const base = versionOf(server, 'applications', application.id);
    expect(rejectionCode((await dewi.push(edit('applications', application.id, base, { status: 'lease_signed' })))[0])).toBe('invalid_transition');
    appliedSeq((await dewi.push(edit('applications', application.id, base, { status: 'approved' })))[0]);
    const approved = versionOf(server, 'applications', application.id);
    expect(rejectionCode((await dewi.push(edit('applications', application.id, approved, { status: 'unit_offered' })))[0])).toBe('unit_required');
  });

  it('S6 S15: an application event, once written, never changes (append_only)', async () => {
    const siti = await deviceOf(server, 'petugas');
    const dewi = await deviceOf(server, 'kantor');
    const { application } = await submittedInBandung(siti);
    const returned = event(application, 'submitted', 'returned', dewi.user, { comment: 'Data penghasilan kurang' });
    appliedSeq((await dewi.push(upsert('applicationEvents', returned)))[0]);
    const rewrite = edit('applicationEvents', returned.id, versionOf(server, 'applicationEvents', returned.id), { comment: 'Tidak ada masalah' });
    expect(rejectionCode((await dewi.push(rewrite))[0])).toBe('append_only');
    // Nor is it deleted, by anyone: the history of a decision stays whole.
    for (const who of [siti, dewi]) {
      expect(rejectionCode((await who.push(remove('applicationEvents', returned.id, versionOf(server, 'applicationEvents', returned.id))))[0])).toBe('append_only');
    }
    expect(server.sqlite.prepare('select deleted from applicationEvents where id = ?').get(returned.id)).toEqual({ deleted: 0 });
  });

  it('S6 S15: an officer deletes her draft application, never a submitted one (application_locked); the office may', async () => {
    const siti = await deviceOf(server, 'petugas');
    const household = householdFields(bandung);
    const draft = applicationFields(bandung, household.id, sadangSerang.id, { createdBy: siti.user.id });
    (await siti.push(upsert('households', household), upsert('applications', draft))).forEach(appliedSeq);
    appliedSeq((await siti.push(remove('applications', draft.id, versionOf(server, 'applications', draft.id))))[0]);

    const { application } = await submittedInBandung(siti);
    const deleteSubmitted = () => remove('applications', application.id, versionOf(server, 'applications', application.id));
    expect(rejectionCode((await siti.push(deleteSubmitted()))[0])).toBe('application_locked');
    expect(server.sqlite.prepare('select deleted from applications where id = ?').get(application.id)).toEqual({ deleted: 0 });
    const dewi = await deviceOf(server, 'kantor');
    appliedSeq((await dewi.push(deleteSubmitted()))[0]);
  });
});

describe('S6: pull shows each officer only her regions', () => {
  it("S6: pull never returns another region's households, applications or their events", async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const { household, application } = await submittedInBandung(siti);
    appliedSeq((await siti.push(upsert('applicationEvents', event(application, null, 'submitted', siti.user))))[0]);
    const jakartaHousehold = householdFields(jaktim);
    appliedSeq((await budi.push(upsert('households', jakartaHousehold)))[0]);

    const ofEntities = (changes: Awaited<ReturnType<typeof pullAll>>) => changes.filter((c) => ['households', 'applications', 'applicationEvents'].includes(c.entity));
    const jakartaView = ofEntities(await pullAll(server, budi.token));
    expect(jakartaView.map((c) => c.recordId)).toEqual([jakartaHousehold.id]);
    const bandungView = ofEntities(await pullAll(server, siti.token));
    expect(bandungView.map((c) => c.recordId).sort()).toEqual([household.id, application.id, bandungView.find((c) => c.entity === 'applicationEvents')!.recordId].sort());
    expect(bandungView.some((c) => c.regionId === jaktim)).toBe(false);
    const officeView = ofEntities(await pullAll(server, (await server.login('kantor')).token));
    expect(officeView.map((c) => c.recordId)).toEqual(expect.arrayContaining([household.id, application.id, jakartaHousehold.id]));
  });

  it('S6: the Bandung officer receives the program rule of Jawa Barat, and no other province’s', async () => {
    const siti = await deviceOf(server, 'petugas');
    const rules = (await pullAll(server, siti.token)).filter((c) => c.entity === 'programRules');
    expect(rules.map((c) => [c.regionId, c.record.maxMonthlyIncome])).toEqual([[jawaBarat, 2_191_232]]);
    const budi = await deviceOf(server, 'petugas.jaktim');
    const jakartaRules = (await pullAll(server, budi.token)).filter((c) => c.entity === 'programRules');
    expect(jakartaRules.map((c) => c.record.maxMonthlyIncome)).toEqual([5_396_761]);
  });

  it('S6 S15: she reads the Jawa Barat rule but cannot change it, nor can the office; the administrator can', async () => {
    const siti = await deviceOf(server, 'petugas');
    const rule = (await pullAll(server, siti.token)).find((c) => c.entity === 'programRules')!;
    const raise = (device: typeof siti) => device.push(edit('programRules', rule.recordId, versionOf(server, 'programRules', rule.recordId), { maxMonthlyIncome: 9_000_000 }));
    expect(rejectionCode((await raise(siti))[0])).toBe('role_forbidden');
    expect(rejectionCode((await raise(await deviceOf(server, 'kantor')))[0])).toBe('role_forbidden');
    expect(server.sqlite.prepare('select max_monthly_income n from programRules where id = ?').get(rule.recordId)).toEqual({ n: 2_191_232 });
    appliedSeq((await raise(await deviceOf(server, 'admin')))[0]);
  });

  it('S6 S17: a snapshot of a region above hers holds only its rule; another city’s is refused', async () => {
    const siti = await deviceOf(server, 'petugas');
    const headers = { authorization: `Bearer ${siti.token}`, [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };
    const above = await server.request(`/api/sync/snapshot?regionId=${jawaBarat}`, { headers });
    expect(above.status).toBe(200);
    const { records } = (await above.json()) as { records: { entity: string }[] };
    expect(records.map((r) => r.entity).sort()).toEqual(['programRules', 'regions']);
    expect((await server.request(`/api/sync/snapshot?regionId=${jaktim}`, { headers })).status).toBe(403);
  });
});
