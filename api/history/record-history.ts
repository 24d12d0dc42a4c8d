import { entityByName, type HistoryEntry, type RecordHistoryResponse, type SessionUser } from '../../schema';
import { HttpError } from '../http/http-error';
import type { ChangeRow, Storage } from '../storage/storage';
import { readableRegionIds } from '../sync/region-access';

const notFound = () => new HttpError(404, 'record_not_found', 'No such record');

/** JSON with object keys sorted, so that two equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Every change of one record, oldest first, each as what it changed against the one before (S27).
 * Read from the compacted archive and the live log. Only someone who may read the record's region
 * gets it; anyone else gets the same 404 as for a record that does not exist.
 */
export async function recordHistory(storage: Storage, user: SessionUser, entityName: string, recordId: string): Promise<RecordHistoryResponse> {
  const entity = entityByName(entityName);
  if (!entity || !entity.synced || entity.regionField === null) {
    throw new HttpError(404, 'unknown_entity', `No synced entity ${entityName}`);
  }
  return storage.read(async (reader) => {
    const record = await reader.readRecord(entity.name, recordId);
    if (!record) throw notFound();
    const readable = await readableRegionIds(reader, user);
    if (!readable.has(String(record[entity.regionField!]))) throw notFound();
    const rows = await reader.recordHistory(entity.name, recordId);
    // The entity's own fields that a person may see: no system fields (the entry carries those),
    // no server-only ones, not the id (the record is named already).
    const fields = Object.entries(entity.fields)
      .filter(([name, field]) => name !== 'id' && !(field as { options: { serverOnly: boolean } }).options.serverOnly)
      .map(([name]) => name);
    const names = new Map<string, string | null>();
    const userName = async (id: string) => {
      if (!names.has(id)) names.set(id, (await reader.userById(id))?.displayName ?? null);
      return names.get(id)!;
    };
    const entries: HistoryEntry[] = [];
    let previous: ChangeRow | undefined;
    for (const row of rows) {
      entries.push({
        seq: row.seq,
        op: row.op,
        serverTime: row.serverTime,
        userId: row.userId,
        userName: await userName(row.userId),
        deviceId: row.deviceId,
        mutationId: row.mutationId,
        changes: row.op === 'delete' ? [] : diff(fields, previous?.data, row.data),
      });
      previous = row;
    }
    return { entity: entity.name, recordId, entries };
  });
}

/** The fields whose value differs; against nothing (the first entry), every field that has a value. */
function diff(fields: readonly string[], before: Record<string, unknown> | undefined, after: Record<string, unknown>) {
  const changes: { field: string; from: unknown; to: unknown }[] = [];
  for (const field of fields) {
    const to = after[field] ?? null;
    const from = before ? (before[field] ?? null) : null;
    if (canonical(from) !== canonical(to)) changes.push({ field, from, to });
  }
  return changes;
}
