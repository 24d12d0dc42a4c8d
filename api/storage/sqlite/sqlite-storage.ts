import { and, asc, eq, getTableName, inArray, isNull, or, sql } from 'drizzle-orm';
import { emptyHash, xorHash, type RegionDigest } from '../../../schema';
import { entityTables, listItemIndex, users } from '../../../schema/drizzle-tables';
import type { AppliedMutationRow, ChangeRow, DeviceRejections, DeviceRow, FieldChangeRow, Storage, StorageReader, StorageTx, UserRow } from '../storage';
import { StorageUnavailable } from '../storage';
import type Database from 'better-sqlite3';
import { openDatabase, type Db } from './open-database';
import { changePages } from './change-pages';
import { readTransactions } from './read-transactions';
import { preparedRows, tableCodec } from './row-codec';
import { preparedWriter } from './prepared-upsert';
import { listItemWriter } from './list-items';
import { appliedMutations, changeLog, changeLogCompaction, changeLogHistory, devices, regionDigests, sessions } from './server-tables';
import { Checkpointer } from './checkpointer';
import { GroupCommit } from './group-commit';
import { WalSync, type SyncFile } from './wal-sync';
import type { WriterTurns } from './writer-turns';

function tableOf(entity: string) {
  const table = entityTables[entity as keyof typeof entityTables];
  if (!table) throw new Error(`No table for entity ${entity}`);
  return table;
}

// Building a drizzle query and preparing its SQL cost more than running it, and mapping each row
// through drizzle's select machinery cost several times the lookup itself: the hot lookups are
// better-sqlite3 statements prepared once per connection, their rows decoded by row-codec.ts.
function preparedLookups(sqlite: Database.Database) {
  const recordById = new Map<string, ReturnType<typeof preparedRows>>();
  const byField = new Map<string, ReturnType<typeof preparedRows>>();
  const livePages = new Map<string, (regionId: string, after: number, limit: number) => { records: Record<string, unknown>[]; next: number | null }>();
  const session = sqlite
    .prepare(
      `select ${tableCodec(users).selectList.replace(/"([a-z_]+)"/g, '"users"."$1"')}, "sessions"."expires_at" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where "sessions"."token_hash" = ? and "sessions"."revoked_at" is null`,
    )
    .raw(true);
  const fieldChanges = sqlite.prepare(
    'select seq, op, changed_fields changedFields, user_id userId, device_id deviceId from change_log where entity = ? and record_id = ? and seq > ? order by seq',
  );
  return {
    record(entity: string) {
      let statement = recordById.get(entity);
      if (!statement) {
        statement = preparedRows(sqlite, tableOf(entity), 'where "id" = ?');
        recordById.set(entity, statement);
      }
      return statement;
    },
    /** Live records whose `field` equals a value (findRecords), or whose list's items hold one of a JSON array's values (findRecordsByListItem). */
    byField(entity: string, field: string, itemKey?: string) {
      const key = `${entity}.${field}.${itemKey ?? ''}`;
      let statement = byField.get(key);
      if (!statement) {
        const table = tableOf(entity);
        const column = (table as unknown as Record<string, typeof table.id | undefined>)[field];
        if (!column || field === 'deleted') throw new Error(`${entity} has no field ${field}`);
        if (itemKey === undefined) {
          // The value is bound as it is: a column that maps its values (JSON, booleans) would not match.
          if (!['SQLiteText', 'SQLiteInteger', 'SQLiteReal'].includes(column.columnType)) throw new Error(`${entity}.${field} is not a text or number column`);
          statement = preparedRows(sqlite, table, `where "${column.name}" = ? and "deleted" = 0`);
        } else {
          const index = listItemIndex(entity, field, itemKey);
          if (!index) throw new Error(`${entity}.${field} has no index of its items' ${itemKey} (FieldOptions.indexedItemKeys)`);
          statement = preparedRows(
            sqlite,
            table,
            `where "deleted" = 0 and "id" in (select "record_id" from "${getTableName(index.table)}" where "value" in (select value from json_each(?)))`,
          );
        }
        byField.set(key, statement);
      }
      return statement;
    },
    recordChanges: preparedRows(sqlite, changeLog, 'where "entity" = ? and "record_id" = ? and "seq" > ? order by "seq"'),
    fieldChanges(entity: string, recordId: string, afterSeq: number): FieldChangeRow[] {
      const rows = fieldChanges.all(entity, recordId, afterSeq) as (Omit<FieldChangeRow, 'changedFields'> & { changedFields: string | null })[];
      return rows.map((row) => ({ ...row, changedFields: row.changedFields === null ? null : (JSON.parse(row.changedFields) as string[]) }));
    },
    device: preparedRows(sqlite, devices, 'where "id" = ?'),
    allDevices: preparedRows(sqlite, devices, 'order by "last_seen_at" desc'),
    // A device's rows are a range of applied_mutations_device_seq_idx; few are rejections.
    rejectionCount: sqlite.prepare(`select count(*) n from applied_mutations where device_id = ? and json_extract(result, '$.status') = 'rejected'`),
    recentRejections: sqlite.prepare(
      `select mutation_id mutationId, seq, entity, record_id recordId, json_extract(result, '$.reason.code') code, json_extract(result, '$.reason.message') message from applied_mutations where device_id = ? and json_extract(result, '$.status') = 'rejected' order by seq desc limit ?`,
    ),
    archivedChanges: preparedRows(sqlite, changeLogHistory, 'where "entity" = ? and "record_id" = ? order by "seq"'),
    liveChanges: preparedRows(sqlite, changeLog, 'where "entity" = ? and "record_id" = ? order by "seq"'),
    appliedMutation: preparedRows(sqlite, appliedMutations, 'where "mutation_id" = ?'),
    compaction: preparedRows(sqlite, changeLogCompaction, 'where "id" = 1'),
    digest: preparedRows(sqlite, regionDigests, 'where "region_id" = ?'),
    livePage(entity: string) {
      let page = livePages.get(entity);
      if (!page) {
        const table = tableOf(entity);
        const codec = tableCodec(table);
        // Keyset by rowid: the region index holds (region, rowid), so each page is a seek, not a sort.
        const statement = sqlite
          .prepare(`select rowid, ${codec.selectList} from "${codec.tableName}" where "${entity === 'regions' ? 'id' : 'region_id'}" = ? and "deleted" = 0 and rowid > ? order by rowid limit ?`)
          .raw(true);
        page = (regionId, after, limit) => {
          const rows = statement.all(regionId, after, limit) as unknown[][];
          return { records: rows.map((row) => codec.decode(row.slice(1))), next: rows.length < limit ? null : Number(rows.at(-1)![0]) };
        };
        livePages.set(entity, page);
      }
      return page;
    },
    regionTree: sqlite.prepare('select id, parent_id parentId from regions where deleted = 0'),
    newestSeq: sqlite.prepare('select max(seq) seq from change_log'),
    session(tokenHash: string): { user: UserRow; expiresAt: string } | undefined {
      const row = session.get(tokenHash) as unknown[] | undefined;
      if (!row) return undefined;
      return { user: tableCodec(users).decode(row) as UserRow, expiresAt: row.at(-1) as string };
    },
  };
}

function reader(db: Db, sqlite: Database.Database, lookups = preparedLookups(sqlite), changesAfter = changePages(sqlite)): StorageReader {
  return {
    regionTree: async () => lookups.regionTree.all() as { id: string; parentId: string | null }[],

    readRecord: async (entity, id) => lookups.record(entity).get(id),

    changesAfter: async (cursor, regionIds, limit) => changesAfter(cursor, regionIds, limit),

    recordChangesAfter: async (entity, recordId, afterSeq) => lookups.recordChanges.all(entity, recordId, afterSeq) as unknown as ChangeRow[],

    recordFieldChangesAfter: async (entity, recordId, afterSeq) => lookups.fieldChanges(entity, recordId, afterSeq),

    compactedThrough: async () => Number(lookups.compaction.get()?.compactedThrough ?? 0),

    newestSeq: async () => Number((lookups.newestSeq.get() as { seq: number | null }).seq ?? 0),

    regionDigests: async (regionIds) => {
      const rows = db.select().from(regionDigests).where(inArray(regionDigests.regionId, [...regionIds])).all();
      const byId = new Map(rows.map((r) => [r.regionId, r]));
      return regionIds.map((regionId): RegionDigest => {
        const row = byId.get(regionId);
        return { regionId, count: row?.recordCount ?? 0, hash: row?.hash ?? emptyHash };
      });
    },

    liveRecords: async (entity, regionId) => {
      const table = tableOf(entity);
      const regionColumn = entity === 'regions' ? table.id : table.regionId;
      return db.select().from(table).where(and(eq(regionColumn, regionId), eq(table.deleted, false))).all() as Record<string, unknown>[];
    },

    liveRecordsPage: async (entity, regionId, after, limit) => lookups.livePage(entity)(regionId, after ?? 0, limit),

    findRecords: async (entity, field, value) => lookups.byField(entity, field).all(value),

    findRecordsByListItem: async (entity, field, itemKey, values) => {
      const statement = lookups.byField(entity, field, itemKey);
      return values.length === 0 ? [] : statement.all(JSON.stringify(values.map(String)));
    },

    device: async (id) => lookups.device.get(id) as DeviceRow | undefined,

    listDevices: async () => lookups.allDevices.all() as unknown as DeviceRow[],

    deviceRejections: async (deviceId, recent): Promise<DeviceRejections> => ({
      count: (lookups.rejectionCount.get(deviceId) as { n: number }).n,
      recent: lookups.recentRejections.all(deviceId, recent) as DeviceRejections['recent'],
    }),

    recordHistory: async (entity, recordId) => {
      // Archived rows are all older than the live ones of the same record: concatenation is seq order.
      const archived = lookups.archivedChanges.all(entity, recordId) as unknown as ChangeRow[];
      const live = lookups.liveChanges.all(entity, recordId) as unknown as ChangeRow[];
      return [...archived, ...live];
    },

    appliedMutation: async (mutationId) => lookups.appliedMutation.get(mutationId) as AppliedMutationRow | undefined,

    userByUsername: async (username) => db.select().from(users).where(eq(users.username, username)).get() as UserRow | undefined,

    countUsers: async () => db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0,

    userById: async (id) => db.select().from(users).where(eq(users.id, id)).get() as UserRow | undefined,

    listUsers: async () => db.select().from(users).orderBy(asc(users.username)).all() as UserRow[],

    userForSession: async (tokenHash, now) => {
      const row = lookups.session(tokenHash);
      return row && row.expiresAt > now ? row.user : undefined;
    },
  };
}

function writer(db: Db, sqlite: Database.Database, runSavepoint: StorageTx['savepoint']): StorageTx {
  const lookups = preparedLookups(sqlite);
  const put = preparedWriter(sqlite);
  const putListItems = listItemWriter(sqlite);
  return {
    ...reader(db, sqlite, lookups),
    savepoint: runSavepoint,

    appendChange: async (change) => Number(put(changeLog, change).lastInsertRowid),

    writeRecord: async (entity, record) => {
      put(tableOf(entity), record, 'id');
      putListItems(entity, record);
    },

    adjustDigest: async (regionId, countDelta, hash) => {
      const current = lookups.digest.get(regionId) as { recordCount: number; hash: string } | undefined;
      const next = { recordCount: (current?.recordCount ?? 0) + countDelta, hash: xorHash(current?.hash ?? emptyHash, hash) };
      put(regionDigests, { regionId, ...next }, 'regionId');
    },

    saveDevice: async (device: DeviceRow) => {
      put(devices, { ...device }, 'id');
    },

    saveDeviceReport: async (report) => {
      // Read in the same write transaction: an existing device keeps its mutation sequence and first sighting.
      const existing = lookups.device.get(report.id) as DeviceRow | undefined;
      put(
        devices,
        { ...report, lastSeenAt: report.reportedAt, lastMutationSeq: existing?.lastMutationSeq ?? 0, firstSeenAt: existing?.firstSeenAt ?? report.reportedAt },
        'id',
      );
    },

    saveAppliedMutation: async (row) => {
      try {
        put(appliedMutations, { ...row });
        return true;
      } catch (error) {
        // Only this statement is undone; the transaction goes on, for the caller to decide.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
        throw error;
      }
    },

    insertUser: async (user) => {
      db.insert(users).values(user).run();
    },

    compactChangeLog: async (throughSeq, now) => {
      // Correlated max(seq) per record is a lookup in change_log_record_idx (its rowid is seq).
      // The superseded rows move to the archive (S27) in the same transaction: copied, then
      // deleted by the same condition, which the copy does not change (each record's latest row stays).
      const superseded = `seq <= ? and seq < (select max(later.seq) from change_log later where later.entity = change_log.entity and later.record_id = change_log.record_id)`;
      const columns = 'seq, entity, record_id, region_id, op, data, changed_fields, user_id, device_id, mutation_id, server_time';
      sqlite.prepare(`insert into change_log_history (${columns}) select ${columns} from change_log where ${superseded}`).run(throughSeq);
      const { changes } = sqlite.prepare(`delete from change_log where ${superseded}`).run(throughSeq);
      const previous = lookups.compaction.get() as { compactedThrough: number; deletedRows: number } | undefined;
      put(
        changeLogCompaction,
        { id: 1, compactedThrough: Math.max(previous?.compactedThrough ?? 0, throughSeq), deletedRows: (previous?.deletedRows ?? 0) + changes, compactedAt: now },
        'id',
      );
      return changes;
    },

    insertSession: async (session) => {
      db.insert(sessions).values(session).run();
    },

    updateUser: async (id, patch) => {
      if (Object.keys(patch).length > 0) db.update(users).set(patch).where(eq(users.id, id)).run();
    },

    revokeUserSessions: async (userId, now) =>
      db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).run().changes,

    revokeSession: async (tokenHash, now) =>
      db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt))).run().changes > 0,
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

const asUnavailable = (error: unknown) => (isBusy(error) ? new StorageUnavailable('The database is busy') : error);

export interface SqliteStorageOptions {
  busyTimeoutMs?: number;
  maxGroupSize?: number;
  maxGroupMs?: number;
  syncFile?: SyncFile;
  maxReadDeferMs?: number;
  /**
   * When a push thread writes to the same file (api/sync/push-thread.ts, decision 021): the
   * shared turns, and which side this storage is. The server's side takes the write lock without
   * ever blocking its event loop, and its reads wait until the push thread's commits they may
   * see are on disk, as they do for its own (decision 017): the push thread syncs off its own
   * thread too, and counts its commits in shared memory.
   */
  writerTurns?: { turns: WriterTurns; side: 'server' | 'pushes' };
  /** false: the file is already migrated by another connection (the push thread's storage). */
  migrate?: boolean;
}

/** What reads let go first, besides this storage's own write transactions (read-transactions.ts). */
export interface PendingWrites {
  readonly pending: number;
  idle(maxMs: number): Promise<void>;
}

/**
 * SQLite through better-sqlite3, whose calls are synchronous. Async transactions are made safe by
 * running them one at a time: with one connection, two interleaved transactions would share one
 * SQLite transaction. Transactions that queue up meanwhile run as one group (group-commit.ts):
 * one SQLite transaction, a savepoint each, one COMMIT (one fsync) for all. Reads use a second
 * connection, where WAL gives each read transaction its own snapshot; they let a backlog of
 * pushes go first (read-transactions.ts).
 */
export function openSqliteStorage(
  dbPath: string,
  options: SqliteStorageOptions = {},
): Storage & { sqlite: ReturnType<typeof openDatabase>['sqlite']; deferReadsTo(writes: PendingWrites): void } {
  const turns = options.writerTurns;
  const pushSide = turns?.side === 'pushes';
  const serverSide = turns?.side === 'server';
  const writeConnection = openDatabase(dbPath, options);
  const readConnection = openDatabase(dbPath, { ...options, readonly: true });
  // The session lookup of every request reads here, never behind a long read (read-transactions.ts).
  const sessionConnection = openDatabase(dbPath, { ...options, readonly: true });
  // Commits are made durable by an fsync of the WAL off the event loop, before anyone hears of
  // them (wal-sync.ts, decision 017); the checkpoints run on a thread of their own, with the
  // writer's automatic one (every 10,000 pages, 40 MB) only in case that one falls behind.
  writeConnection.sqlite.pragma('synchronous = NORMAL');
  writeConnection.sqlite.pragma('wal_autocheckpoint = 10000');
  // Neither side waits in SQLite's busy handler (writer-turns.ts): the server's would block its
  // event loop, and it sleeps up to 100 ms a try.
  if (turns) writeConnection.sqlite.pragma('busy_timeout = 0');
  const walSync = new WalSync(`${dbPath}-wal`, options.syncFile, pushSide ? turns!.turns.pushCommits : undefined);
  const checkpointer = new Checkpointer(dbPath);
  let savepoints = 0;
  const exec = (statement: string) => writeConnection.sqlite.exec(statement);

  const savepoint: StorageTx['savepoint'] = async (fn) => {
    const name = `sp${++savepoints}`;
    exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      rollbackTo(name);
      throw error;
    }
  };

  function rollbackTo(name: string) {
    // The caches may hold what is being undone.
    dropCaches();
    if (!writeConnection.sqlite.inTransaction) return; // SQLite already rolled back everything
    exec(`ROLLBACK TO ${name}`);
    exec(`RELEASE ${name}`);
  }

  // The region tree, read by every push (S6), and the compaction watermark, read by every edit
  // (S22), change rarely: cache them on the write connection, which always sees the latest state;
  // drop them when they are written and on any rollback.
  let cachedRegionTree: { id: string; parentId: string | null }[] | undefined;
  let cachedWatermark: number | undefined;
  // Records read in the current write transaction (one group of pushes), by entity and id: the
  // units and regions that the group's mutations point at are read once, not once a mutation.
  // The transaction holds the write lock, so no other connection changes them meanwhile; a
  // record is dropped when it is written, and all are dropped on any rollback and at the end of
  // the transaction. Frozen: they are shared by the readers of the group.
  const groupRecords = new Map<string, Record<string, unknown> | undefined>();
  const recordKey = (entity: string, id: unknown) => `${entity}\u0000${String(id)}`;
  const dropCaches = () => {
    cachedRegionTree = undefined;
    cachedWatermark = undefined;
    groupRecords.clear();
  };
  const baseTx = writer(writeConnection.db, writeConnection.sqlite, savepoint);
  // Writes that could change a cached record without naming it drop them all.
  const dropping = <A extends unknown[], R>(write: (...args: A) => Promise<R>) => async (...args: A) => {
    groupRecords.clear();
    return write(...args);
  };
  const tx: StorageTx = {
    ...baseTx,
    regionTree: async () => (cachedRegionTree ??= await baseTx.regionTree()),
    compactedThrough: async () => (cachedWatermark ??= await baseTx.compactedThrough()),
    readRecord: async (entity, id) => {
      const key = recordKey(entity, id);
      if (groupRecords.has(key)) return groupRecords.get(key);
      const record = await baseTx.readRecord(entity, id);
      groupRecords.set(key, record && Object.freeze(record));
      return record;
    },
    writeRecord: async (entity, record) => {
      if (entity === 'regions') cachedRegionTree = undefined;
      groupRecords.delete(recordKey(entity, record.id));
      await baseTx.writeRecord(entity, record);
    },
    compactChangeLog: async (throughSeq, now) => {
      cachedWatermark = undefined;
      return baseTx.compactChangeLog(throughSeq, now);
    },
    insertUser: dropping(baseTx.insertUser),
    updateUser: dropping(baseTx.updateUser),
  };
  // Pulls read committed rows only: their decoded rows are shared (change-pages.ts).
  const snapshot = reader(readConnection.db, readConnection.sqlite, preparedLookups(readConnection.sqlite), changePages(readConnection.sqlite, { cacheRows: 20_000 }));

  const writes = new GroupCommit({
    begin: async () => {
      groupRecords.clear();
      // With a second writer, the cached tree and watermark may have been changed by the other
      // thread: each group reads them again (once per group, not per push).
      if (turns) dropCaches();
      if (walSync.failed) throw walSync.failed;
      try {
        if (serverSide) {
          await turns!.turns.acquire(() => exec('BEGIN IMMEDIATE'), isBusy, options.busyTimeoutMs ?? 5000);
        } else if (pushSide) {
          turns!.turns.takeTurn(() => exec('BEGIN IMMEDIATE'), isBusy, options.busyTimeoutMs ?? 5000);
        } else {
          exec('BEGIN IMMEDIATE');
        }
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    commit: () => {
      groupRecords.clear();
      walSync.beforeCommit();
      try {
        exec('COMMIT');
      } catch (error) {
        // Counted for the other thread's readers already: an fsync more keeps the counts in step.
        if (pushSide) walSync.committedNow().catch(() => {});
        throw error;
      }
      try {
        checkpointer.afterCommit();
      } catch (error) {
        // The commit stands and is synced next (durable()); the writer's own checkpoint takes over.
        console.error('Could not start a WAL checkpoint:', error);
      }
    },
    durable: () => walSync.committedNow(),
    rollback: () => {
      dropCaches();
      if (writeConnection.sqlite.inTransaction) exec('ROLLBACK');
    },
    inTransaction: () => writeConnection.sqlite.inTransaction,
    savepoint: (name) => exec(`SAVEPOINT ${name}`),
    release: (name) => exec(`RELEASE ${name}`),
    rollbackTo,
    mapError: asUnavailable,
    maxGroupSize: options.maxGroupSize,
    maxGroupMs: options.maxGroupMs,
  });

  let otherWrites: PendingWrites | undefined;
  const read = readTransactions({
    sqlite: readConnection.sqlite,
    reader: snapshot,
    urgentReader: reader(sessionConnection.db, sessionConnection.sqlite),
    writesPending: () => writes.length > 0 || (otherWrites?.pending ?? 0) > 0,
    writesIdle: async (maxMs) => {
      const started = performance.now();
      await writes.idle(maxMs);
      if (otherWrites) await otherWrites.idle(Math.max(0, maxMs - (performance.now() - started)));
    },
    commits: () => ({ own: walSync.commits, pushes: serverSide ? Atomics.load(turns!.turns.pushCommits, 0) : 0 }),
    durable: async (mark) => {
      await walSync.durable(mark.own);
      if (mark.pushes > 0) await turns!.turns.pushCommitsDurable(mark.pushes);
    },
    mapError: asUnavailable,
    maxDeferMs: options.maxReadDeferMs ?? 5000,
  });

  return {
    sqlite: writeConnection.sqlite,
    transaction: (fn) => writes.run(() => fn(tx)),
    read,
    get queuedTransactions() {
      return writes.length;
    },
    deferReadsTo: (pending) => {
      otherWrites = pending;
    },
    close: () => {
      walSync.close();
      checkpointer.close();
      readConnection.close();
      sessionConnection.close();
      writeConnection.close();
    },
  };
}
