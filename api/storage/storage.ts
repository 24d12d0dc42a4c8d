import type { MutationResult, RegionDigest, WritableOf } from '../../schema';

/**
 * Everything the server keeps, behind one interface. The sync rules (api/sync/) use only this;
 * the SQL dialect lives in the implementation (sqlite/), so that a PostgreSQL store can be added
 * without touching the rules. Methods are async so that such a store can implement them.
 */

export interface ChangeRow {
  seq: number;
  entity: string;
  recordId: string;
  regionId: string;
  op: 'upsert' | 'delete';
  /** The whole record after the change, without `version` (which is `seq`). */
  data: Record<string, unknown>;
  /** The fields the change set; null for all of them (a create or a delete). */
  changedFields: string[] | null;
  userId: string;
  deviceId: string | null;
  mutationId: string | null;
  serverTime: string;
}

/** What conflict detection needs of a change row (S13): no record data to decode. */
export interface FieldChangeRow {
  seq: number;
  op: 'upsert' | 'delete';
  changedFields: string[] | null;
  userId: string;
  deviceId: string | null;
}

export interface DeviceRow {
  id: string;
  userId: string;
  lastMutationSeq: number;
  appVersion: string | null;
  schemaVersion: number | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** What the device last reported of itself (S26); null (or absent when written by a push) until it reports. */
  protocolVersion?: number | null;
  pendingCount?: number | null;
  pendingUploads?: number | null;
  lastSyncAt?: string | null;
  reportedAt?: string | null;
}

/** What a device reports of itself after a sync round (S26), with the server's time of receipt. */
export interface DeviceReportRow {
  id: string;
  userId: string;
  appVersion: string | null;
  schemaVersion: number;
  protocolVersion: number;
  pendingCount: number;
  pendingUploads: number;
  lastSyncAt: string | null;
  reportedAt: string;
}

export interface AppliedMutationRow {
  mutationId: string;
  deviceId: string;
  seq: number;
  result: MutationResult;
  /** The mutation's entity and record, kept to show a rejection (S26); null on rows from before they were kept. */
  entity?: string | null;
  recordId?: string | null;
}

/** A device's rejected mutations: how many, and the newest few (by the device's seq, newest first). */
export interface DeviceRejections {
  count: number;
  recent: { mutationId: string; seq: number; entity: string | null; recordId: string | null; code: string; message: string }[];
}

/** A users row as stored. */
export type UserRow = WritableOf<'users'> & { passwordHash: string };

export interface SessionRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface StorageReader {
  regionTree(): Promise<{ id: string; parentId: string | null }[]>;
  readRecord(entity: string, id: string): Promise<Record<string, unknown> | undefined>;
  /** Changes with seq > cursor in the given regions, in seq order, at most `limit`. */
  changesAfter(cursor: number, regionIds: readonly string[], limit: number): Promise<ChangeRow[]>;
  /** Changes of one record with seq > `afterSeq`, in seq order. */
  recordChangesAfter(entity: string, recordId: string, afterSeq: number): Promise<ChangeRow[]>;
  /** The same rows as recordChangesAfter, without their record data. */
  recordFieldChangesAfter(entity: string, recordId: string, afterSeq: number): Promise<FieldChangeRow[]>;
  newestSeq(): Promise<number>;
  /** The highest seq change-log compaction has considered (0: never compacted). Below it, superseded rows may be gone (S22). */
  compactedThrough(): Promise<number>;
  regionDigests(regionIds: readonly string[]): Promise<RegionDigest[]>;
  /** Every live (not deleted) record of an entity in one region. */
  liveRecords(entity: string, regionId: string): Promise<Record<string, unknown>[]>;
  /**
   * The same records a page at a time, for an answer that streams while it is read (S25): at most
   * `limit`, after the position `after` (null: from the start), with the position to pass next
   * (null once there are no more). Within one read, the pages make up exactly liveRecords.
   */
  liveRecordsPage(entity: string, regionId: string, after: number | null, limit: number): Promise<{ records: Record<string, unknown>[]; next: number | null }>;
  /**
   * Every live record of an entity, in any region, whose indexed `field` equals `value` (e.g.
   * households by NIK, attachments by hash). The caller filters by region as its rule needs.
   */
  findRecords(entity: string, field: string, value: string | number): Promise<Record<string, unknown>[]>;
  /**
   * Every live record of an entity, in any region, whose JSON list `field` holds an item whose
   * `itemKey` equals one of `values` (households with a member of one of these NIKs), compared
   * as text. The item key must be indexed (FieldOptions.indexedItemKeys): a lookup reads the
   * index, not every record, so its cost does not grow with the table.
   */
  findRecordsByListItem(entity: string, field: string, itemKey: string, values: readonly (string | number)[]): Promise<Record<string, unknown>[]>;
  device(id: string): Promise<DeviceRow | undefined>;
  /** Every device, newest seen first. */
  listDevices(): Promise<DeviceRow[]>;
  /** A device's rejected mutations: the count and the newest `recent` (S26). */
  deviceRejections(deviceId: string, recent: number): Promise<DeviceRejections>;
  /**
   * Every change of one record, compacted (archived) and live, in seq order (S27). Reads the
   * archive: never on a sync path.
   */
  recordHistory(entity: string, recordId: string): Promise<ChangeRow[]>;
  appliedMutation(mutationId: string): Promise<AppliedMutationRow | undefined>;
  userByUsername(username: string): Promise<UserRow | undefined>;
  countUsers(): Promise<number>;
  userById(id: string): Promise<UserRow | undefined>;
  /** Every user, by username. */
  listUsers(): Promise<UserRow[]>;
  /** The user of a live session (not expired at `now`, not revoked). */
  userForSession(tokenHash: string, now: string): Promise<UserRow | undefined>;
}

export interface StorageTx extends StorageReader {
  /** Runs `fn` so that its writes land entirely or not at all, inside the enclosing transaction. */
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
  /** Appends to the change log; returns the new seq. */
  appendChange(change: Omit<ChangeRow, 'seq'>): Promise<number>;
  /** Inserts or replaces a synced record (with its system fields). */
  writeRecord(entity: string, record: Record<string, unknown>): Promise<void>;
  /** Adds `countDelta` to a region's record count and XORs `hash` into its digest hash. */
  adjustDigest(regionId: string, countDelta: number, hash: string): Promise<void>;
  saveDevice(device: DeviceRow): Promise<void>;
  /**
   * Stores a device's report (S26): creates the device (no mutation applied yet) or updates its
   * report, versions and last-seen time, leaving its mutation sequence as it is.
   */
  saveDeviceReport(report: DeviceReportRow): Promise<void>;
  /** Stores a mutation's answer (S3); false, with nothing written, when its id is already stored. */
  saveAppliedMutation(row: AppliedMutationRow): Promise<boolean>;
  insertUser(user: UserRow): Promise<void>;
  insertSession(session: SessionRow): Promise<void>;
  /** Changes a user's own fields (not the id). */
  updateUser(id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<void>;
  /** Ends every live session of a user; returns how many. */
  revokeUserSessions(userId: string, now: string): Promise<number>;
  /** Ends one session (sign-out); returns whether it was live. */
  revokeSession(tokenHash: string, now: string): Promise<boolean>;
  /**
   * Moves every change-log row with seq <= `throughSeq` that a later row of the same record
   * supersedes (each record keeps its latest row, tombstones included) into the history archive
   * (S27), and raises the compaction watermark to `throughSeq`. Returns the number of rows moved
   * out of the log (S21). Callers pass
   * the newest seq, read in the same transaction (compact-change-log.ts): S22 relies on every
   * record's latest row at or below the watermark surviving.
   */
  compactChangeLog(throughSeq: number, now: string): Promise<number>;
}

export interface Storage {
  /** One serializable read-write transaction: all of `fn`'s writes or none. */
  transaction<T>(fn: (tx: StorageTx) => Promise<T>): Promise<T>;
  /** A consistent read-only snapshot. */
  read<T>(fn: (reader: StorageReader) => Promise<T>): Promise<T>;
  /** Transactions waiting to run: a measure of load, for shedding it with 503. */
  readonly queuedTransactions: number;
  close(): void;
}

/** An infrastructure fault (busy, overloaded): the client should retry later. */
export class StorageUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds = 2,
  ) {
    super(message);
  }
}
