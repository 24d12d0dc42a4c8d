import { and, asc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import { emptyHash, xorHash, type RegionDigest } from '../../../schema';
import { entityTables, regions, users } from '../../../schema/drizzle-tables';
import type { AppliedMutationRow, ChangeRow, DeviceRow, Storage, StorageReader, StorageTx, UserRow } from '../storage';
import { StorageUnavailable } from '../storage';
import { openDatabase, type Db } from './open-database';
import { appliedMutations, changeLog, devices, regionDigests, sessions } from './server-tables';
import { GroupCommit } from './group-commit';
import { SerialQueue } from './serial-queue';

function tableOf(entity: string) {
  const table = entityTables[entity as keyof typeof entityTables];
  if (!table) throw new Error(`No table for entity ${entity}`);
  return table;
}

function reader(db: Db): StorageReader {
  return {
    regionTree: async () => db.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(eq(regions.deleted, false)).all(),

    readRecord: async (entity, id) => {
      const table = tableOf(entity);
      return db.select().from(table).where(eq(table.id, id)).get() as Record<string, unknown> | undefined;
    },

    changesAfter: async (cursor, regionIds, limit) =>
      db
        .select()
        .from(changeLog)
        .where(and(gt(changeLog.seq, cursor), inArray(changeLog.regionId, [...regionIds])))
        .orderBy(asc(changeLog.seq))
        .limit(limit)
        .all() as ChangeRow[],

    recordChangesAfter: async (entity, recordId, afterSeq) =>
      db
        .select()
        .from(changeLog)
        .where(and(eq(changeLog.entity, entity), eq(changeLog.recordId, recordId), gt(changeLog.seq, afterSeq)))
        .orderBy(asc(changeLog.seq))
        .all() as ChangeRow[],

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

    device: async (id) => db.select().from(devices).where(eq(devices.id, id)).get(),

    appliedMutation: async (mutationId) =>
      db.select().from(appliedMutations).where(eq(appliedMutations.mutationId, mutationId)).get() as AppliedMutationRow | undefined,

    userByUsername: async (username) => db.select().from(users).where(eq(users.username, username)).get() as UserRow | undefined,

    countUsers: async () => db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0,

    userForSession: async (tokenHash, now) => {
      const row = db
        .select({ user: users, expiresAt: sessions.expiresAt })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
        .get();
      return row && row.expiresAt > now ? (row.user as UserRow) : undefined;
    },
  };
}

function writer(db: Db, runSavepoint: StorageTx['savepoint']): StorageTx {
  return {
    ...reader(db),
    savepoint: runSavepoint,

    appendChange: async (change) => db.insert(changeLog).values(change).returning({ seq: changeLog.seq }).get().seq,

    writeRecord: async (entity, record) => {
      const table = tableOf(entity);
      db.insert(table).values(record).onConflictDoUpdate({ target: table.id, set: record }).run();
    },

    adjustDigest: async (regionId, countDelta, hash) => {
      const current = db.select().from(regionDigests).where(eq(regionDigests.regionId, regionId)).get();
      const next = { recordCount: (current?.recordCount ?? 0) + countDelta, hash: xorHash(current?.hash ?? emptyHash, hash) };
      db.insert(regionDigests).values({ regionId, ...next }).onConflictDoUpdate({ target: regionDigests.regionId, set: next }).run();
    },

    saveDevice: async (device: DeviceRow) => {
      db.insert(devices).values(device).onConflictDoUpdate({ target: devices.id, set: device }).run();
    },

    saveAppliedMutation: async (row) => {
      db.insert(appliedMutations).values(row).run();
    },

    insertUser: async (user) => {
      db.insert(users).values(user).run();
    },

    insertSession: async (session) => {
      db.insert(sessions).values(session).run();
    },
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
  const baseTx = writer(writeConnection.db, savepoint);
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
