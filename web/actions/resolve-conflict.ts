import type { Conflict, EntityName, FieldProblem } from '../../schema';
import { saveRecord, type LocalDb } from '../../worker';
import { canRestore } from '../may-resolve-conflicts';

export type Resolution = { ok: true } | { ok: false; problems: FieldProblem[] };

export { canRestore };

/** Office staff keep the value the server holds (S14): only the conflict record changes. */
export async function keepCurrentValue(db: LocalDb, conflict: Conflict, userId: string): Promise<Resolution> {
  const saved = await saveRecord(db, 'conflicts', conflict.id, { status: 'kept', resolvedBy: userId });
  return saved.ok ? { ok: true } : { ok: false, problems: saved.problems };
}

class NotSaved extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('not saved');
  }
}

/**
 * Office staff restore the value that lost (S14): an ordinary edit of the record, then the
 * conflict marked restored. Both in one transaction, so a conflict is never marked restored
 * without the edit that restores it, nor the other way round.
 */
export async function restoreLostValue(db: LocalDb, conflict: Conflict, userId: string): Promise<Resolution> {
  if (!canRestore(conflict)) return { ok: false, problems: [{ field: conflict.field, code: 'not_restorable' }] };
  const entity = conflict.entity as EntityName;
  const table = db.entityTable(entity);
  try {
    await db.transaction('rw', [table, db.conflicts, db.outbox, db.shadows, db.meta], async () => {
      const record = await table.get(conflict.recordId);
      // Not on the device: a partial edit would read as a new, incomplete record.
      if (!record || record.deleted === true) throw new NotSaved([{ field: 'recordId', code: 'record_not_found' }]);
      const restored = await saveRecord(db, entity, conflict.recordId, { [conflict.field]: conflict.lostValue });
      if (!restored.ok) throw new NotSaved(restored.problems);
      const marked = await saveRecord(db, 'conflicts', conflict.id, { status: 'restored', resolvedBy: userId });
      // Throwing rolls back the restoring edit too.
      if (!marked.ok) throw new NotSaved(marked.problems);
    });
  } catch (error) {
    if (error instanceof NotSaved) return { ok: false, problems: error.problems };
    throw error;
  }
  return { ok: true };
}
