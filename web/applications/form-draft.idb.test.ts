import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../schema';
import { LocalDb } from '../../worker';
import { createDraftSaver, editDraftId, parseApplicationDraft, readApplicationDraft, readApplicationDrafts, type ApplicationDraft } from './form-draft';
import { emptyFormValues } from './form-values';
import { validFormValues } from './test-values';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('application-draft-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const photo = { sha256: 'a'.repeat(64), mimeType: 'image/jpeg', byteSize: 120_000, width: 1600, height: 1200, capturedAt: '2026-11-25T03:00:00.000Z' };

function draft(overrides: Partial<ApplicationDraft> = {}): ApplicationDraft {
  const values = { ...validFormValues(uuidv7()), photos: { id_card: [photo], family_card: [{ ...photo, sha256: 'b'.repeat(64), attachmentId: uuidv7() }], income_letter: [] } };
  return { values, step: 2, householdId: uuidv7(), applicationId: uuidv7(), editing: false, comment: '', ...overrides };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('application drafts', () => {
  it('come back as they were typed, photos and step included, after the pause', async () => {
    const saver = createDraftSaver(db, { id: 'd1', userId: 'officer-1' }, 20);
    const first = draft();
    saver.schedule({ ...first, values: { ...first.values, headName: 'Ase' } });
    saver.schedule(first);
    expect(await db.formDrafts.count()).toBe(0);
    await wait(60);
    const stored = await readApplicationDraft(db, 'd1', 'officer-1');
    expect(stored?.draft).toEqual(first);
    expect(stored?.draft.values.photos.family_card[0]?.attachmentId).toBe(first.values.photos.family_card[0]?.attachmentId);
  });

  it('are written at once on flush (the page is being hidden)', async () => {
    const saver = createDraftSaver(db, { id: 'd1', userId: 'officer-1' }, 10_000);
    saver.schedule(draft());
    await saver.flush();
    expect(await db.formDrafts.get('d1')).toMatchObject({ kind: 'application', userId: 'officer-1' });
  });

  it('are gone after discard, and a write scheduled before it does not bring them back', async () => {
    const saver = createDraftSaver(db, { id: 'd1', userId: 'officer-1' }, 10);
    saver.schedule(draft());
    await saver.flush();
    saver.schedule(draft());
    await saver.discard();
    saver.schedule(draft());
    await wait(40);
    expect(await db.formDrafts.get('d1')).toBeUndefined();
  });

  it('are each user’s own on a shared phone, newest first, with the head’s name', async () => {
    await db.formDrafts.bulkPut([
      { id: 'old', kind: 'application', userId: 'officer-1', values: draft(), updatedAt: '2026-11-20T00:00:00.000Z' },
      { id: 'new', kind: 'application', userId: 'officer-1', values: draft({ editing: true }), updatedAt: '2026-11-24T00:00:00.000Z' },
      { id: 'theirs', kind: 'application', userId: 'officer-2', values: draft(), updatedAt: '2026-11-25T00:00:00.000Z' },
      { id: 'inspection', kind: 'inspection', userId: 'officer-1', values: {}, updatedAt: '2026-11-25T00:00:00.000Z' },
    ]);
    expect((await readApplicationDrafts(db, 'officer-1')).map((d) => [d.id, d.draft.values.headName, d.draft.editing])).toEqual([
      ['new', 'Asep Sunandar', true],
      ['old', 'Asep Sunandar', false],
    ]);
    expect(await readApplicationDraft(db, 'theirs', 'officer-1')).toBeNull();
  });

  it('of an older shape are not offered (the form starts without them)', async () => {
    await db.formDrafts.put({ id: 'odd', kind: 'application', userId: 'officer-1', values: { headName: 'x' }, updatedAt: '2026-11-25T00:00:00.000Z' });
    expect(await readApplicationDraft(db, 'odd', 'officer-1')).toBeNull();
    expect(await readApplicationDrafts(db, 'officer-1')).toEqual([]);
    expect(parseApplicationDraft({ ...draft(), step: 9 })).toBeNull();
    expect(parseApplicationDraft(draft({ values: emptyFormValues() }))).not.toBeNull();
  });

  it('of a stored application have one id per application', () => {
    const id = uuidv7();
    expect(editDraftId(id)).toBe(`edit:${id}`);
  });
});
