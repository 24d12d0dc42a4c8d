import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The change log: one row per accepted write, appended in the same transaction as the write.
 * `seq` is the only sync cursor. SQLite has a single writer, so commit order is seq order and a
 * reader can never see seq N+1 before seq N.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    regionId: text('region_id').notNull(),
    op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
    /** The whole record after the change (without `version`, which is `seq`). */
    data: text('data', { mode: 'json' }).notNull(),
    /** The fields this change set (null: all of them, as for a create or a delete). */
    changedFields: text('changed_fields', { mode: 'json' }).$type<string[] | null>(),
    userId: text('user_id').notNull(),
    deviceId: text('device_id'),
    mutationId: text('mutation_id'),
    serverTime: text('server_time').notNull(),
  },
  (t) => [index('change_log_region_seq_idx').on(t.regionId, t.seq), index('change_log_record_idx').on(t.entity, t.recordId)],
);

/**
 * Change-log rows that compaction superseded (S21), moved here rather than dropped: the record
 * history (S27) reads them with the live log. Pull and bootstrap never read this table, so what
 * they cost does not grow with history. `seq` keeps the value it had in the log.
 */
export const changeLogHistory = sqliteTable(
  'change_log_history',
  {
    seq: integer('seq').primaryKey(),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    regionId: text('region_id').notNull(),
    op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    changedFields: text('changed_fields', { mode: 'json' }).$type<string[] | null>(),
    userId: text('user_id').notNull(),
    deviceId: text('device_id'),
    mutationId: text('mutation_id'),
    serverTime: text('server_time').notNull(),
  },
  (t) => [index('change_log_history_record_idx').on(t.entity, t.recordId)],
);

/**
 * A device (one installation for one signed-in user), the last mutation applied from it, and
 * what it last reported of itself after a sync round (S26; null until it first reports).
 */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  lastMutationSeq: integer('last_mutation_seq').notNull(),
  appVersion: text('app_version'),
  schemaVersion: integer('schema_version'),
  firstSeenAt: text('first_seen_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
  protocolVersion: integer('protocol_version'),
  /** Outbox entries waiting to be sent, as the device counted them. */
  pendingCount: integer('pending_count'),
  /** Attachment bytes waiting to be uploaded, as the device counted them. */
  pendingUploads: integer('pending_uploads'),
  /** The device's last successful round (its own clock). */
  lastSyncAt: text('last_sync_at'),
  /** When the server received the last report (server clock). */
  reportedAt: text('reported_at'),
});

/** The answer given to each mutation, so that a replayed push gets exactly the same answer. */
export const appliedMutations = sqliteTable(
  'applied_mutations',
  {
    mutationId: text('mutation_id').primaryKey(),
    deviceId: text('device_id').notNull(),
    seq: integer('seq').notNull(),
    result: text('result', { mode: 'json' }).notNull(),
    /** What the mutation was about, so that a rejection can be shown (S26); null before migration 0004. */
    entity: text('entity'),
    recordId: text('record_id'),
  },
  (t) => [index('applied_mutations_device_seq_idx').on(t.deviceId, t.seq)],
);

/** Bearer sessions. Only a hash of the token is stored. */
export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  revokedAt: text('revoked_at'),
});

/** Each region's record count and XOR hash, kept up to date with every write (record-digest.ts). */
export const regionDigests = sqliteTable('region_digests', {
  regionId: text('region_id').primaryKey(),
  recordCount: integer('record_count').notNull(),
  hash: text('hash').notNull(),
});

/**
 * Change-log compaction state (docs/decisions/010-change-log-compaction.md): `compactedThrough`
 * is the highest seq that compaction has considered; below it a record's superseded rows may be
 * gone, so their `changedFields` can no longer be read (S22).
 */
export const changeLogCompaction = sqliteTable('change_log_compaction', {
  id: integer('id').primaryKey(),
  compactedThrough: integer('compacted_through').notNull(),
  deletedRows: integer('deleted_rows').notNull(),
  compactedAt: text('compacted_at').notNull(),
});
