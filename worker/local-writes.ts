import { fieldProblems, systemFields, uuidv7, validators, type EntityName, type FieldProblem, type WritableOf } from '../schema';
import { shadowKey, type LocalDb } from './local-db';
import { mergedFields, type OutboxEntry } from './outbox-entry';
import { putWithOverlay } from './record-overlay';

export type SaveResult = { ok: true; id: string; changed: boolean } | { ok: false; problems: FieldProblem[] };

class InvalidRecord extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('invalid record');
  }
}

function ownFields(record: Record<string, unknown>): Record<string, unknown> {
  const own = { ...record };
  for (const name of Object.keys(systemFields)) delete own[name];
  return own;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Takes the next per-device seq. Must run inside a transaction over the meta store. */
async function nextSeq(db: LocalDb): Promise<number> {
  const device = await db.getMeta('device');
  if (!device) throw new Error('Not signed in');
  await db.setMeta('device', { ...device, nextSeq: device.nextSeq + 1 });
  return device.nextSeq;
}

/**
 * Appends a mutation to the outbox. The record's rejected changes, if any, are folded into it:
 * saving a record that the server refused is how the user fixes and resends it (S15).
 */
async function appendMutation(
  db: LocalDb,
  entity: string,
  existing: Record<string, unknown> | undefined,
  record: Record<string, unknown>,
  changed: Record<string, unknown>,
  op: 'upsert' | 'delete',
  now: Date,
) {
  const recordId = String(record.id);
  const rejected = await db.outbox.where('recordId').equals(recordId).and((e) => e.state === 'rejected').toArray();
  const fields = op === 'delete' ? {} : { ...pick(record, Object.keys(mergedFields(rejected))), ...changed };
  const onServer = existing !== undefined && Number(existing.version) > 0;
  // Folded refused fields keep the oldest base they were made on: the server must judge them
  // against what their author had seen, or they would silently overwrite later edits (S13, S14).
  const base = onServer ? Math.min(Number(existing.version), ...rejected.map((e) => e.baseVersion ?? 0)) : null;
  const entry: OutboxEntry = {
    seq: await nextSeq(db),
    mutationId: uuidv7(now.getTime()),
    entity,
    op,
    recordId,
    baseVersion: base,
    fields: onServer || op === 'delete' ? fields : record,
    clientTime: now.toISOString(),
    state: 'pending',
  };
  // The first change laid over a server state keeps that state aside as the record's shadow.
  if (onServer && !(await db.shadows.get(shadowKey(entity, recordId)))) {
    await db.shadows.put({ key: shadowKey(entity, recordId), record: existing });
  }
  await db.outbox.bulkDelete(rejected.map((e) => e.mutationId));
  await db.outbox.add(entry);
}

function pick(record: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => n in record).map((n) => [n, record[n]]));
}

/**
 * Saves a new or changed record: the record and its outbox entry land in one Dexie transaction
 * (S1), so a record is never changed without a mutation to carry it, nor the other way round.
 * Validation uses the same validator the server applies.
 */
export async function saveRecord<N extends EntityName>(
  db: LocalDb,
  entity: N,
  recordId: string | undefined,
  changes: Partial<WritableOf<N>>,
  now = new Date(),
): Promise<SaveResult> {
  const id = recordId ?? uuidv7(now.getTime());
  const table = db.entityTable(entity);
  try {
    return await db.transaction('rw', [table, db.outbox, db.shadows, db.meta], async () => {
      const session = await db.getMeta('session');
      if (!session) throw new Error('Not signed in');
      const existing = await table.get(id);
      const parsed = validators[entity].write.safeParse({ ...(existing ? ownFields(existing) : {}), ...changes, id });
      if (!parsed.success) throw new InvalidRecord(fieldProblems(parsed.error));

      const record = parsed.data as Record<string, unknown>;
      const changed = Object.fromEntries(Object.entries(record).filter(([name, value]) => !same(existing?.[name], value)));
      const hasRejected = (await db.outbox.where('recordId').equals(id).and((e) => e.state === 'rejected').count()) > 0;
      if (existing && Object.keys(changed).length === 0 && !hasRejected) return { ok: true, id, changed: false } as const;

      await appendMutation(db, entity, existing, record, changed, 'upsert', now);
      await table.put({
        ...record,
        version: existing?.version ?? 0,
        deleted: false,
        updatedAt: now.toISOString(),
        updatedBy: session.user.id,
      });
      return { ok: true, id, changed: true } as const;
    });
  } catch (error) {
    if (error instanceof InvalidRecord) return { ok: false, problems: error.problems };
    throw error;
  }
}

/**
 * Deletes a record: gone from this device at once, a tombstone on the server once synced (S16).
 * The delete is sent whenever the server may hold the record, which includes a create whose
 * answer never came back; only a record whose every change was rejected is dropped locally.
 */
export async function deleteRecord(db: LocalDb, entity: EntityName, recordId: string, now = new Date()): Promise<void> {
  const table = db.entityTable(entity);
  await db.transaction('rw', [table, db.outbox, db.shadows, db.meta], async () => {
    const existing = await table.get(recordId);
    if (!existing) return;
    const entries = await db.outbox.where('recordId').equals(recordId).toArray();
    const mayBeOnServer = Number(existing.version) > 0 || entries.some((e) => e.state !== 'rejected');
    await db.outbox.bulkDelete(entries.filter((e) => e.state === 'rejected').map((e) => e.mutationId));
    if (mayBeOnServer) await appendMutation(db, entity, existing, existing, {}, 'delete', now);
    else await db.shadows.delete(shadowKey(entity, recordId));
    await table.delete(recordId);
  });
}

/** Sends a record's rejected changes again as they now stand on the device (S15). */
export async function resendRejected(db: LocalDb, entity: EntityName, recordId: string, now = new Date()): Promise<SaveResult> {
  return saveRecord(db, entity, recordId, {}, now);
}

/**
 * Drops a record's rejected changes and shows the record as the server holds it again, with any
 * later changes still waiting laid on top (S15).
 */
export async function discardRejected(db: LocalDb, entity: EntityName, recordId: string): Promise<void> {
  const table = db.entityTable(entity);
  await db.transaction('rw', [table, db.outbox, db.shadows], async () => {
    await db.outbox.where('recordId').equals(recordId).and((e) => e.state === 'rejected').delete();
    const remaining = await db.outbox.where('recordId').equals(recordId).toArray();
    const shadow = await db.shadows.get(shadowKey(entity, recordId));
    await putWithOverlay(db, entity, recordId, shadow?.record, Number(shadow?.record.version ?? 0), remaining);
  });
}

/** Checks a would-be record without saving it: the form shows the problems beside the fields. */
export function checkRecord<N extends EntityName>(entity: N, record: Partial<WritableOf<N>>): FieldProblem[] {
  const parsed = validators[entity].write.safeParse(record);
  return parsed.success ? [] : fieldProblems(parsed.error);
}
