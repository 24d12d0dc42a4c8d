import { eq } from 'drizzle-orm';
import type { AnyEntity } from '../../schema';
import { entityTables } from '../../schema/drizzle-tables';
import type { Db } from '../db/open-database';
import { changeLog } from '../db/server-tables';

export interface ChangeToWrite {
  entity: AnyEntity;
  op: 'upsert' | 'delete';
  /** The record's own fields, already validated and merged. */
  record: Record<string, unknown>;
  userId: string;
  deviceId?: string;
  mutationId?: string;
  serverTime: string;
}

/**
 * The one way a synced record changes on the server: append to the change log, then write the
 * record with `version` = the new seq. Call it inside a transaction, so that both land or neither.
 */
export function writeChange(tx: Db, change: ChangeToWrite): number {
  const { entity } = change;
  if (!entity.synced || entity.regionField === null) throw new Error(`${entity.name} is not a synced entity`);
  const full: Record<string, unknown> = {
    ...change.record,
    deleted: change.op === 'delete',
    updatedAt: change.serverTime,
    updatedBy: change.userId,
  };
  const inserted = tx
    .insert(changeLog)
    .values({
      entity: entity.name,
      recordId: String(full.id),
      regionId: String(full[entity.regionField]),
      op: change.op,
      data: full,
      userId: change.userId,
      deviceId: change.deviceId ?? null,
      mutationId: change.mutationId ?? null,
      serverTime: change.serverTime,
    })
    .returning({ seq: changeLog.seq })
    .get();
  const table = entityTables[entity.name as keyof typeof entityTables];
  const row = { ...full, version: inserted.seq };
  tx.insert(table).values(row).onConflictDoUpdate({ target: table.id, set: row }).run();
  return inserted.seq;
}

export function readRecord(tx: Db, entity: AnyEntity, id: string): Record<string, unknown> | undefined {
  const table = entityTables[entity.name as keyof typeof entityTables];
  return tx.select().from(table).where(eq(table.id, id)).get() as Record<string, unknown> | undefined;
}
