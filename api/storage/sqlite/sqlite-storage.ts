import { and, asc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import { emptyHash, xorHash, type RegionDigest } from '../../../schema';
import { entityTables, regions, users } from '../../../schema/drizzle-tables';
import type { AppliedMutationRow, ChangeRow, DeviceRow, Storage, StorageReader, StorageTx, UserRow } from '../storage';
import { StorageUnavailable } from '../storage';
import { openDatabase, type Db } from './open-database';
import { appliedMutations, changeLog, devices, regionDigests, sessions } from './server-tables';
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

/**
 * SQLite through better-sqlite3, whose calls are synchronous. Async transactions are made safe by
 * running them one at a time on a queue: with one connection, two interleaved transactions would
 * share one SQLite transaction. Reads use a second connection, so a pull never waits for a push;
 * WAL mode gives each read transaction its own snapshot.
 */
export function openSqliteStorage(
  dbPath: string,
  options: { busyTimeoutMs?: number } = {},
): Storage & { sqlite: ReturnType<typeof openDatabase>['sqlite'] } {
  const writeConnection = openDatabase(dbPath, options);
  const readConnection = openDatabase(dbPath, { ...options, readonly: true });
  const writes = new SerialQueue();
  const reads = new SerialQueue();
  let savepoints = 0;

  async function inTransaction<T>(connection: ReturnType<typeof openDatabase>, begin: string, fn: () => Promise<T>): Promise<T> {
    try {
      connection.sqlite.exec(begin);
    } catch (error) {
      if (isBusy(error)) throw new StorageUnavailable('The database is busy');
      throw error;
    }
    try {
      const result = await fn();
      connection.sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      if (connection.sqlite.inTransaction) connection.sqlite.exec('ROLLBACK');
      if (isBusy(error)) throw new StorageUnavailable('The database is busy');
      throw error;
    }
  }

  const savepoint: StorageTx['savepoint'] = async (fn) => {
    const name = `sp${++savepoints}`;
    writeConnection.sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      writeConnection.sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      writeConnection.sqlite.exec(`ROLLBACK TO ${name}`);
      writeConnection.sqlite.exec(`RELEASE ${name}`);
      throw error;
    }
  };

  const tx = writer(writeConnection.db, savepoint);
  const snapshot = reader(readConnection.db);

  return {
    sqlite: writeConnection.sqlite,
    transaction: (fn) => writes.run(() => inTransaction(writeConnection, 'BEGIN IMMEDIATE', () => fn(tx))),
    read: (fn) => reads.run(() => inTransaction(readConnection, 'BEGIN', () => fn(snapshot))),
    get queuedTransactions() {
      return writes.length;
    },
    close: () => {
      readConnection.close();
      writeConnection.close();
    },
  };
}
