import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Site } from '../../schema';
import { LocalDb, type Session } from '../../worker';
import type { ApplicationDraft } from './form-draft';
import { ApplicationNotEditable, changedFields, saveApplication, submitDraftApplication, targetStatus } from './save-application';
import { validFormValues } from './test-values';

let db: LocalDb;
const user = { id: 'officer-1', username: 'petugas', displayName: 'Siti Rahmawati', role: 'field_officer' as const, regionIds: [] };
const session: Session = { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user, deviceId: uuidv7() };
beforeEach(async () => {
  db = new LocalDb('save-application-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.setMeta('session', session);
  await db.setMeta('device', { deviceId: session.deviceId, nextSeq: 1 });
});
afterEach(() => db.close());

const system = { version: 4, deleted: false, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'system' };
const regionId = uuidv7();
const site: Site = { id: uuidv7(), regionId, name: 'Rusunawa Sadang Serang', address: 'Jl. Sadang Serang', latitude: null, longitude: null, floors: 5, ...system };
const now = new Date('2026-11-25T03:00:00.000Z');
const photo = { sha256: 'c'.repeat(64), mimeType: 'image/jpeg', byteSize: 120_000, width: 1600, height: 1200, capturedAt: '2026-11-25T02:59:00.000Z' };

function newDraft(): ApplicationDraft {
  const values = { ...validFormValues(site.id), photos: { id_card: [photo], family_card: [], income_letter: [] } };
  return { values, step: 4, householdId: uuidv7(), applicationId: uuidv7(), editing: false, comment: '' };
}

const outbox = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => ({ entity: e.entity, recordId: e.recordId, fields: e.fields }));

describe('saving a new application', () => {
  it('submits: household, application, event, then documents, in that order in the outbox', async () => {
    const draft = newDraft();
    const result = await saveApplication(db, { draft, site, session, intent: 'submit', now });
    expect(result).toEqual({ ok: true, applicationId: draft.applicationId, status: 'submitted' });

    const entries = await outbox();
    expect(entries.map((e) => e.entity)).toEqual(['households', 'applications', 'applicationEvents', 'attachments']);
    expect(entries[0]?.fields).toMatchObject({ id: draft.householdId, regionId, headNik: '3273011205010003', headIncome: { kind: 'informal', amount: 80_000, period: 'daily' }, registeredBy: 'officer-1' });
    expect(entries[1]?.fields).toMatchObject({ id: draft.applicationId, regionId, householdId: draft.householdId, siteId: site.id, status: 'submitted', submittedAt: now.toISOString(), createdBy: 'officer-1' });
    expect(entries[2]?.fields).toMatchObject({ applicationId: draft.applicationId, fromStatus: null, toStatus: 'submitted', actorId: 'officer-1', actorName: 'Siti Rahmawati', at: now.toISOString() });
    expect(entries[3]?.fields).toMatchObject({ householdId: draft.householdId, applicationId: null, kind: 'id_card', sha256: photo.sha256, regionId });
  });

  it('as a draft writes no event and no submission time', async () => {
    const draft = newDraft();
    expect(await saveApplication(db, { draft, site, session, intent: 'draft', now })).toMatchObject({ ok: true, status: 'draft' });
    expect((await outbox()).map((e) => e.entity)).toEqual(['households', 'applications', 'attachments']);
    expect(await db.applications.get(draft.applicationId)).toMatchObject({ status: 'draft', submittedAt: null });

    // Submitting the saved draft later moves it draft → submitted, with its event.
    const later = new Date('2026-11-26T03:00:00.000Z');
    expect(await submitDraftApplication(db, draft.applicationId, session, later)).toEqual({ ok: true });
    expect(await db.applications.get(draft.applicationId)).toMatchObject({ status: 'submitted', submittedAt: later.toISOString() });
    const events = await db.applicationEvents.where('applicationId').equals(draft.applicationId).toArray();
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([['draft', 'submitted']]);
  });

  it('saved again after it was saved makes no second household, application or document', async () => {
    const draft = newDraft();
    await saveApplication(db, { draft, site, session, intent: 'draft', now });
    await saveApplication(db, { draft, site, session, intent: 'draft', now });
    expect(await db.households.count()).toBe(1);
    expect(await db.applications.count()).toBe(1);
    expect(await db.attachments.count()).toBe(1);
  });

  it('answers the problems instead of saving an invalid form', async () => {
    const draft = newDraft();
    const result = await saveApplication(db, { draft: { ...draft, values: { ...draft.values, kkNumber: '123' } }, site, session, intent: 'submit', now });
    expect(result).toEqual({ ok: false, problems: [{ path: 'kkNumber', code: 'kk_format' }] });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('correcting a returned application', () => {
  async function storeReturned() {
    const draft = newDraft();
    await saveApplication(db, { draft, site, session, intent: 'submit', now });
    // As if synced, then returned by the office: the server's versions, and nothing waiting.
    await db.outbox.clear();
    await db.households.update(draft.householdId, { version: 7 });
    await db.applications.update(draft.applicationId, { version: 8, status: 'returned' });
    const photoId = (await db.attachments.toArray())[0]!.id;
    await db.attachments.update(photoId, { version: 9 });
    return { draft, photoId };
  }

  it('sends only the changed fields, then the resubmission and its event', async () => {
    const { draft } = await storeReturned();
    const stored = await db.attachments.toArray();
    const values = {
      ...draft.values,
      headIncome: { kind: 'informal' as const, amount: '60000', period: 'daily' },
      photos: { ...draft.values.photos, id_card: stored.map((a) => ({ ...photo, attachmentId: a.id })) },
    };
    const later = new Date('2026-11-27T03:00:00.000Z');
    const result = await saveApplication(db, { draft: { ...draft, values, editing: true, comment: 'Sudah diperbaiki' }, site, session, intent: 'submit', now: later });
    expect(result).toEqual({ ok: true, applicationId: draft.applicationId, status: 'resubmitted' });

    const entries = await outbox();
    expect(entries.map((e) => e.entity)).toEqual(['households', 'applications', 'applicationEvents']);
    expect(entries[0]?.fields).toEqual({ headIncome: { kind: 'informal', amount: 60_000, period: 'daily' } });
    expect(entries[1]?.fields).toEqual({ status: 'resubmitted', submittedAt: later.toISOString() });
    expect(entries[2]?.fields).toMatchObject({ fromStatus: 'returned', toStatus: 'resubmitted', comment: 'Sudah diperbaiki', fieldComments: {} });
  });

  it('deletes a document the officer removed and adds a new one', async () => {
    const { draft, photoId } = await storeReturned();
    const replacement = { ...photo, sha256: 'd'.repeat(64) };
    const values = { ...draft.values, photos: { ...draft.values.photos, id_card: [replacement] } };
    await saveApplication(db, { draft: { ...draft, values, editing: true }, site, session, intent: 'submit', now });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.entity, e.op])).toEqual([
      ['applications', 'upsert'],
      ['applicationEvents', 'upsert'],
      ['attachments', 'delete'],
      ['attachments', 'upsert'],
    ]);
    expect(entries[2]?.recordId).toBe(photoId);
    expect((await db.attachments.toArray()).map((a) => a.sha256)).toEqual([replacement.sha256]);
  });

  it('refuses once the office has it again', async () => {
    const { draft } = await storeReturned();
    await db.applications.update(draft.applicationId, { status: 'under_review' });
    await expect(saveApplication(db, { draft: { ...draft, editing: true }, site, session, intent: 'submit', now })).rejects.toBeInstanceOf(ApplicationNotEditable);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('what a save changes', () => {
  it('is only the fields that differ from the stored record (all of them for a new one)', () => {
    const stored = { id: 'a', headName: 'Asep', members: [{ key: 'm', income: null }], phone: '' };
    expect(changedFields(stored, { id: 'a', headName: 'Asep', members: [{ key: 'm', income: null }], phone: '0812' })).toEqual({ phone: '0812' });
    expect(changedFields(stored, { id: 'a', headName: 'Asep S.', members: [], phone: '' })).toEqual({ headName: 'Asep S.', members: [] });
    expect(changedFields(undefined, { id: 'a', phone: '' })).toEqual({ id: 'a', phone: '' });
  });

  it('moves a returned application to resubmitted, anything else the officer holds to submitted', () => {
    expect(targetStatus(null, 'submit')).toBe('submitted');
    expect(targetStatus('draft', 'submit')).toBe('submitted');
    expect(targetStatus('returned', 'submit')).toBe('resubmitted');
    expect(targetStatus(null, 'draft')).toBe('draft');
    expect(targetStatus('returned', 'draft')).toBe('returned');
  });
});
