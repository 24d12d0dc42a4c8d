import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../schema';
import { LocalDb } from '../../worker';
import { createDraftSaver, inspectionDraftId, parseInspectionDraft, readInspectionDraft, type InspectionFormValues } from './inspection-draft';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('inspection-draft-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const unitId = uuidv7();
const values = (notes: string): InspectionFormValues => ({
  recordId: uuidv7(),
  type: 'periodic',
  inspectedOn: '2026-05-01',
  conditionRating: '3',
  notes,
  position: { latitude: -6.9, longitude: 107.6, accuracyM: 8 },
  checklist: {
    'unit.walls': {
      rating: '2',
      hasProblem: true,
      severity: 'severe',
      description: 'Retak',
      repairAction: '',
      resolved: false,
      resolvedOn: '',
      stored: null,
    },
  },
  photos: { 'unit.walls': [{ sha256: 'a'.repeat(64), mimeType: 'image/jpeg', byteSize: 10, width: 1, height: 1, capturedAt: '2026-05-01T01:00:00.000Z' }] },
});
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the inspection draft', () => {
  it('is one per unit for a new inspection, and the inspection’s own id for a change', () => {
    expect(inspectionDraftId(unitId)).toBe(`new:${unitId}`);
    expect(inspectionDraftId(unitId, 'abc')).toBe('abc');
  });

  it('is written after a pause in typing, only the latest values, and read back for its user only', async () => {
    const id = inspectionDraftId(unitId);
    const saver = createDraftSaver(db, { id, userId: 'siti' }, 20);
    saver.schedule(values('P'));
    saver.schedule(values('Plafon'));
    expect(await db.formDrafts.count()).toBe(0);
    await wait(60);
    const stored = await db.formDrafts.get(id);
    expect(stored).toMatchObject({ id, kind: 'inspection', userId: 'siti', values: { notes: 'Plafon' } });

    expect((await readInspectionDraft(db, id, 'siti'))?.values.notes).toBe('Plafon');
    expect(await readInspectionDraft(db, id, 'budi')).toBeNull();
  });

  it('flush writes at once (the page is being hidden)', async () => {
    const saver = createDraftSaver(db, { id: 'x', userId: 'siti' }, 60_000);
    saver.schedule(values('now'));
    await saver.flush();
    expect((await db.formDrafts.get('x'))?.values).toMatchObject({ notes: 'now' });
  });

  it('once discarded, is deleted and stays deleted, even with a write scheduled or under way', async () => {
    const saver = createDraftSaver(db, { id: 'x', userId: 'siti' }, 10);
    saver.schedule(values('first'));
    void saver.flush(); // a write under way
    saver.schedule(values('scheduled'));
    await saver.discard();
    saver.schedule(values('after the save'));
    await wait(40);
    await saver.flush();
    expect(await db.formDrafts.count()).toBe(0);
  });

  it('from an older or broken shape is not restored', async () => {
    expect(parseInspectionDraft({ notes: 'old shape' })).toBeNull();
    expect(parseInspectionDraft({ ...values('x'), checklist: { 'unit.walls': { rating: 7 } } })).toBeNull();
    await db.formDrafts.put({ id: 'y', kind: 'inspection', userId: 'siti', values: { step: 2 }, updatedAt: '2026-05-01T00:00:00.000Z' });
    expect(await readInspectionDraft(db, 'y', 'siti')).toBeNull();
    // Another kind of form's draft under the same id is not an inspection's.
    await db.formDrafts.put({ id: 'z', kind: 'application', userId: 'siti', values: values('x'), updatedAt: '2026-05-01T00:00:00.000Z' });
    expect(await readInspectionDraft(db, 'z', 'siti')).toBeNull();
    const current = values('x');
    expect(parseInspectionDraft(current)).toEqual(current);
  });
});
