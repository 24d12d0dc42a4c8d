import { and, asc, eq, gt, inArray, isNull, max, or, sql } from 'drizzle-orm';
import { emptyHash, xorHash, type RegionDigest } from '../../../schema';
import { entityTables, regions, users } from '../../../schema/drizzle-tables';
import type { AppliedMutationRow, ChangeRow, DeviceRow, Storage, StorageReader, StorageTx, UserRow } from '../storage';
import { StorageUnavailable } from '../storage';
import type Database from 'better-sqlite3';
import { openDatabase, type Db } from './open-database';
import { preparedWriter } from './prepared-upsert';
import { appliedMutations, changeLog, changeLogCompaction, devices, regionDigests, sessions } from './server-tables';
import { GroupCommit } from './group-commit';
import { SerialQueue } from './serial-queue';

function tableOf(entity: string) {
  const table = entityTables[entity as keyof typeof entityTables];
  if (!table) throw new Error(`No table for entity ${entity}`);
  return table;
}

// Building a drizzle query and preparing its SQL cost more than running it: the hot lookups are
// prepared once per connection, with placeholders.
function preparedLookups(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  const recordById = new Map<string, { get(values: { id: string }): unknown }>();
  return {
    record(entity: string) {
      let statement = recordById.get(entity);
      if (!statement) {
        const table = tableOf(entity);
        statement = db.select().from(table).where(eq(table.id, p('id'))).prepare();
        recordById.set(entity, statement);
      }
      return statement;
    },
    recordChanges: db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.entity, p('entity')), eq(changeLog.recordId, p('recordId')), gt(changeLog.seq, p('afterSeq'))))
      .orderBy(asc(changeLog.seq))
      .prepare(),
    device: db.select().from(devices).where(eq(devices.id, p('id'))).prepare(),
    appliedMutation: db.select().from(appliedMutations).where(eq(appliedMutations.mutationId, p('id'))).prepare(),
    compaction: db.select().from(changeLogCompaction).where(eq(changeLogCompaction.id, 1)).prepare(),
    digest: db.select().from(regionDigests).where(eq(regionDigests.regionId, p('id'))).prepare(),
    session: db
      .select({ user: users, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, p('tokenHash')), isNull(sessions.revokedAt)))
      .prepare(),
  };
}

function reader(db: Db, lookups = preparedLookups(db)): StorageReader {
  return {
    regionTree: async () => db.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(eq(regions.deleted, false)).all(),

    readRecord: async (entity, id) => lookups.record(entity).get({ id }) as Record<string, unknown> | undefined,

    changesAfter: async (cursor, regionIds, limit) =>
      db
        .select()
        .from(changeLog)
        .where(and(gt(changeLog.seq, cursor), inArray(changeLog.regionId, [...regionIds])))
        .orderBy(asc(changeLog.seq))
        .limit(limit)
        .all() as ChangeRow[],

    recordChangesAfter: async (entity, recordId, afterSeq) => lookups.recordChanges.all({ entity, recordId, afterSeq }) as ChangeRow[],

    compactedThrough: async () => db.select({ seq: changeLogCompaction.compactedThrough }).from(changeLogCompaction).get()?.seq ?? 0,

    newestSeq: async () => db.select({ seq: max(changeLog.seq) }).from(changeLog).get()?.seq ?? 0,

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

    findRecords: async (entity, field, value) => {
      const table = tableOf(entity);
      const column = (table as unknown as Record<string, typeof table.id | undefined>)[field];
      if (!column || field === 'deleted') throw new Error(`${entity} has no field ${field}`);
      return db.select().from(table).where(and(eq(column, value), eq(table.deleted, false))).all() as Record<string, unknown>[];
    },

    findRecordsByListItem: async (entity, field, itemKey, values) => {
      const table = tableOf(entity);
      const column = (table as unknown as Record<string, typeof table.id | undefined>)[field];
      if (!column || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(itemKey)) throw new Error(`${entity} has no list field ${field} with items' ${itemKey}`);
      if (values.length === 0) return [];
      // instr() on the stored JSON text first skips, without parsing them, the rows that cannot
      // match: a stored item holds its value exactly as JSON.stringify writes it.
      const mayHold = values.map((value) => sql`instr(${column}, ${typeof value === 'string' ? JSON.stringify(value) : String(value)}) > 0`);
      const valueList = sql.join(values.map((value) => sql`${value}`), sql`, `);
      return db
        .select()
        .from(table)
        .where(
          and(
            eq(table.deleted, false),
            or(...mayHold),
            sql`exists (select 1 from json_each(${column}) item where json_extract(item.value, ${`$.${itemKey}`}) in (${valueList}))`,
          ),
        )
        .all() as Record<string, unknown>[];
    },

    device: async (id) => lookups.device.get({ id }),

    appliedMutation: async (mutationId) => lookups.appliedMutation.get({ id: mutationId }) as AppliedMutationRow | undefined,

    userByUsername: async (username) => db.select().from(users).where(eq(users.username, username)).get() as UserRow | undefined,

    countUsers: async () => db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0,

    userById: async (id) => db.select().from(users).where(eq(users.id, id)).get() as UserRow | undefined,

    listUsers: async () => db.select().from(users).orderBy(asc(users.username)).all() as UserRow[],

    userForSession: async (tokenHash, now) => {
      const row = lookups.session.get({ tokenHash });
      return row && row.expiresAt > now ? (row.user as UserRow) : undefined;
    },
  };
}

function writer(db: Db, sqlite: Database.Database, runSavepoint: StorageTx['savepoint']): StorageTx {
  const lookups = preparedLookups(db);
  const put = preparedWriter(sqlite);
  return {
    ...reader(db, lookups),
    savepoint: runSavepoint,

    appendChange: async (change) => Number(put(changeLog, change).lastInsertRowid),

    writeRecord: async (entity, record) => {
      put(tableOf(entity), record, 'id');
    },

    adjustDigest: async (regionId, countDelta, hash) => {
      const current = lookups.digest.get({ id: regionId });
      const next = { recordCount: (current?.recordCount ?? 0) + countDelta, hash: xorHash(current?.hash ?? emptyHash, hash) };
      put(regionDigests, { regionId, ...next }, 'regionId');
    },

    saveDevice: async (device: DeviceRow) => {
      put(devices, { ...device }, 'id');
    },

    saveAppliedMutation: async (row) => {
      put(appliedMutations, { ...row });
    },

    insertUser: async (user) => {
      db.insert(users).values(user).run();
    },

    compactChangeLog: async (throughSeq, now) => {
      // Correlated max(seq) per record is a lookup in change_log_record_idx (its rowid is seq).
      const { changes } = sqlite
        .prepare(
          `delete from change_log where seq <= ? and seq < (select max(later.seq) from change_log later where later.entity = change_log.entity and later.record_id = change_log.record_id)`,
        )
        .run(throughSeq);
      const previous = lookups.compaction.get({});
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

/**
 * SQLite through better-sqlite3, whose calls are synchronous. Async transactions are made safe by
 * running them one at a time: with one connection, two interleaved transactions would share one
 * SQLite transaction. Transactions that queue up meanwhile run as one group (group-commit.ts):
 * one SQLite transaction, a savepoint each, one COMMIT (one fsync) for all. Reads use a second
 * connection, so a pull never waits for a push; WAL gives each read transaction its own snapshot.
 */
export function openSqliteStorage(
  dbPath: string,
  options: { busyTimeoutMs?: number; maxGroupSize?: number } = {},
): Storage & { sqlite: ReturnType<typeof openDatabase>['sqlite'] } {
  const writeConnection = openDatabase(dbPath, options);
  const readConnection = openDatabase(dbPath, { ...options, readonly: true });
  const reads = new SerialQueue();
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
    // The region tree cache may hold what is being undone.
    cachedRegionTree = undefined;
    if (!writeConnection.sqlite.inTransaction) return; // SQLite already rolled back everything
    exec(`ROLLBACK TO ${name}`);
    exec(`RELEASE ${name}`);
  }

  // The region tree, read by every push (S6), changes rarely: cache it on the write connection,
  // which always sees the latest state; drop it on a region write or any rollback.
  let cachedRegionTree: { id: string; parentId: string | null }[] | undefined;
  const baseTx = writer(writeConnection.db, writeConnection.sqlite, savepoint);
  const tx: StorageTx = {
    ...baseTx,
    regionTree: async () => (cachedRegionTree ??= await baseTx.regionTree()),
    writeRecord: async (entity, record) => {
      if (entity === 'regions') cachedRegionTree = undefined;
      await baseTx.writeRecord(entity, record);
    },
  };
  const snapshot = reader(readConnection.db);

  const writes = new GroupCommit({
    begin: () => {
      try {
        exec('BEGIN IMMEDIATE');
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    commit: () => exec('COMMIT'),
    rollback: () => {
      cachedRegionTree = undefined;
      if (writeConnection.sqlite.inTransaction) exec('ROLLBACK');
    },
    inTransaction: () => writeConnection.sqlite.inTransaction,
    savepoint: (name) => exec(`SAVEPOINT ${name}`),
    release: (name) => exec(`RELEASE ${name}`),
    rollbackTo,
    mapError: asUnavailable,
    maxGroupSize: options.maxGroupSize,
  });

  async function readTransaction<T>(fn: () => Promise<T>): Promise<T> {
    try {
      readConnection.sqlite.exec('BEGIN');
    } catch (error) {
      throw asUnavailable(error);
    }
    try {
      const result = await fn();
      readConnection.sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      if (readConnection.sqlite.inTransaction) readConnection.sqlite.exec('ROLLBACK');
      throw asUnavailable(error);
    }
  }

  return {
    sqlite: writeConnection.sqlite,
    transaction: (fn) => writes.run(() => fn(tx)),
    read: (fn) => reads.run(() => readTransaction(() => fn(snapshot))),
    get queuedTransactions() {
      return writes.length;
    },
    close: () => {
      readConnection.close();
      writeConnection.close();
    },
  };
}
