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

/** A device (one installation for one signed-in user) and the last mutation applied from it. */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  lastMutationSeq: integer('last_mutation_seq').notNull(),
  appVersion: text('app_version'),
  schemaVersion: integer('schema_version'),
  firstSeenAt: text('first_seen_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
});

/** The answer given to each mutation, so that a replayed push gets exactly the same answer. */
export const appliedMutations = sqliteTable(
  'applied_mutations',
  {
    mutationId: text('mutation_id').primaryKey(),
    deviceId: text('device_id').notNull(),
    seq: integer('seq').notNull(),
    result: text('result', { mode: 'json' }).notNull(),
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
