import type { SqliteReader } from '../worker/fuzz/invariants';

/** What the user was told was saved, last value per record: the final state everyone must reach. */
export interface SavedRecord {
  entity: string;
  id: string;
  /** The fields the user set, at their last saved values (none for a deleted record). */
  fields: Record<string, unknown>;
  deleted: boolean;
  /** Who saved it, for the failure message. */
  by: string;
}

/**
 * The writes a scenario made, as the user saw them succeed (saveRecord answered ok). In these
 * scenarios a record is written by one device only, so its last saved value is exactly what the
 * server and every device must hold at the end: no merge, no conflict can explain a difference.
 */
export class SavedWrites {
  readonly records = new Map<string, SavedRecord>();
  /** Every successful save, including the ones later overwritten by the same user. */
  writes = 0;

  noteSaved(entity: string, id: string, fields: Record<string, unknown>, by: string): void {
    const key = `${entity}/${id}`;
    const before = this.records.get(key);
    this.records.set(key, { entity, id, fields: { ...before?.fields, ...fields }, deleted: false, by });
    this.writes++;
  }

  noteDeleted(entity: string, id: string, by: string): void {
    this.records.set(`${entity}/${id}`, { entity, id, fields: {}, deleted: true, by });
    this.writes++;
  }

  /** Ids of deleted inspections, for the fuzz invariant S16. */
  deletedInspections(): Set<string> {
    return new Set([...this.records.values()].filter((r) => r.deleted && r.entity === 'inspections').map((r) => r.id));
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Each saved record is on the server at its last saved value (or deleted, if the user deleted it),
 * read from the server's own file: the latest change-log row of the record holds the whole record.
 * A value the server kept aside in a conflict record (S14, S22) is not lost, but it is not where
 * the user left it either: such records are returned apart, for the report. Returns one line per
 * record that is wrong and not kept anywhere; each is a lost write.
 */
export function savedWritesOnServer(sqlite: SqliteReader, saved: SavedWrites): { lost: string[]; keptInConflicts: SavedRecord[] } {
  const lost: string[] = [];
  const keptInConflicts: SavedRecord[] = [];
  const conflicts = conflictRecords(sqlite);
  const latest = sqlite.prepare('select data from change_log where entity = ? and record_id = ? order by seq desc limit 1');
  for (const record of saved.records.values()) {
    const row = latest.all(record.entity, record.id)[0] as { data: string } | undefined;
    const data = row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
    const where = `${record.entity}/${record.id} (saved by ${record.by})`;
    if (record.deleted) {
      if (data && data.deleted !== true) lost.push(`${where}: deleted on the device, live on the server`);
      continue;
    }
    if (!data) {
      lost.push(`${where}: saved on the device, not on the server`);
      continue;
    }
    if (data.deleted === true) {
      lost.push(`${where}: saved on the device, deleted on the server`);
      continue;
    }
    const wrong = Object.entries(record.fields).filter(([field, value]) => !same(data[field], value));
    const unkept = wrong.filter(([field, value]) => !conflicts.some((c) => c.recordId === record.id && (c.field === field || c.field === '*') && same(c.lostValue, value)));
    if (unkept.length > 0) lost.push(`${where}: ${unkept.map(([f, v]) => `${f} saved as ${JSON.stringify(v)}, server has ${JSON.stringify(data[f])}`).join('; ')}`);
    else if (wrong.length > 0) keptInConflicts.push(record);
  }
  return { lost, keptInConflicts };
}

/** The conflict records on the server (S14): values that lost to another and are kept aside. */
export function conflictRecords(sqlite: SqliteReader) {
  return (sqlite.prepare("select data from change_log where entity = 'conflicts'").all() as { data: string }[]).map(
    (row) => JSON.parse(row.data) as { id: string; recordId: string; field: string; lostValue: unknown; lostDeviceId: string; lostMutationId: string },
  );
}

/**
 * Rows of the server's synced tables changed by this run that no saved write explains: the
 * server must change nothing a device did not ask for. `before` is `rowVersions` taken before the
 * run; `allowed` names other rows the scenario expects to change (a conflict record of a saved one).
 */
export function unexplainedRowChanges(
  before: Map<string, number>,
  after: Map<string, number>,
  saved: SavedWrites,
  allowed: (key: string) => boolean = () => false,
): string[] {
  const problems: string[] = [];
  for (const [key, version] of after) {
    if (before.get(key) === version || saved.records.has(key) || allowed(key)) continue;
    problems.push(`${key}: ${before.has(key) ? `changed from version ${before.get(key)} to ${version}` : `appeared at version ${version}`}, and no device of the run wrote it`);
  }
  for (const key of before.keys()) if (!after.has(key)) problems.push(`${key}: row gone from the server`);
  return problems;
}

/** Every row of the given tables, as `entity/id` → version. */
export function rowVersions(sqlite: SqliteReader, entities: readonly string[]): Map<string, number> {
  const versions = new Map<string, number>();
  for (const entity of entities) {
    for (const row of sqlite.prepare(`select id, version from ${entity}`).all() as { id: string; version: number }[]) versions.set(`${entity}/${row.id}`, row.version);
  }
  return versions;
}
