import type { LocalDb } from './local-db';
import { shadowKey } from './local-db';
import { mergedFields, overlaysState, type OutboxEntry } from './outbox-entry';

/**
 * Writes a record as the device should hold it: the server's state as of `stateSeq`, with the
 * device's own changes that this state does not yet reflect laid on top (S7, S8). While such
 * changes exist, the server's state is kept aside as the record's shadow, so that a rejected
 * change can be discarded and the digest check can compare what the server holds (S17).
 * Must run inside a transaction over the entity's table, the outbox and the shadows.
 */
export async function putWithOverlay(
  db: LocalDb,
  entity: string,
  recordId: string,
  serverState: Record<string, unknown> | undefined,
  stateSeq: number,
  entries: readonly OutboxEntry[],
): Promise<void> {
  const table = db.entityTable(entity);
  const key = shadowKey(entity, recordId);
  const live = serverState && serverState.deleted !== true ? serverState : undefined;
  // A refused delete deleted nothing: the record stays, with the refusal shown on it (S15).
  const mine = entries
    .filter((e) => overlaysState(e, stateSeq) && !(e.op === 'delete' && e.state === 'rejected'))
    .sort((a, b) => a.seq - b.seq);

  if (entries.length > 0 && serverState) await db.shadows.put({ key, record: serverState });
  else await db.shadows.delete(key);

  // A deletion, by the server or by this device, wins locally; a pending edit of it is still
  // pushed, and the server keeps its values in a conflict record (S16).
  if (mine.length === 0 || (serverState && !live) || mine.at(-1)!.op === 'delete') {
    if (live && mine.at(-1)?.op !== 'delete') await table.put(live);
    else await table.delete(recordId);
    return;
  }
  // Without a server state, only a create can make the record; a change of fields alone would
  // make a partial record. The entries stay in the outbox, and on the record once it comes back.
  if (!live && !mine.some((e) => e.op === 'upsert' && e.baseVersion === null)) {
    await table.delete(recordId);
    return;
  }
  const base = live ?? {};
  await table.put({
    ...base,
    ...mergedFields(mine),
    id: recordId,
    version: live?.version ?? 0,
    deleted: false,
    updatedAt: live?.updatedAt ?? mine.at(-1)!.clientTime,
    updatedBy: live?.updatedBy ?? '',
  });
}

/** Outbox entries grouped by record id. */
export function entriesByRecord(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const list = byRecord.get(entry.recordId) ?? [];
    list.push(entry);
    byRecord.set(entry.recordId, list);
  }
  return byRecord;
}
