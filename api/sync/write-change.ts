import { recordHash, type AnyEntity } from '../../schema';
import type { StorageTx } from '../storage/storage';
import type { DigestDeltas } from './digest-deltas';

export interface ChangeToWrite {
  entity: AnyEntity;
  op: 'upsert' | 'delete';
  /** The record's own fields, already validated and merged. */
  record: Record<string, unknown>;
  /** The fields this change set; null for all (a create or a delete). */
  changedFields: string[] | null;
  userId: string;
  deviceId?: string;
  mutationId?: string;
  serverTime: string;
  /**
   * The record as stored before this change, when the caller has just read it (the push path
   * has), so that it is not read twice; undefined reads it here.
   */
  before?: Record<string, unknown> | null;
  /** Gathers the digest changes for the caller to write at the end of its transaction; absent, they are written at once. */
  digests?: DigestDeltas;
}

/**
 * The one way a synced record changes on the server (S2): append to the change log, write the
 * record with `version` = the new seq, and move the region digests (S17), or gather their move
 * in `change.digests`. Call it inside a transaction, so that all of it lands or none.
 */
export async function writeChange(tx: StorageTx, change: ChangeToWrite): Promise<number> {
  const { entity } = change;
  if (!entity.synced || entity.regionField === null) throw new Error(`${entity.name} is not a synced entity`);
  const id = String(change.record.id);
  const existing = change.before === undefined ? await tx.readRecord(entity.name, id) : (change.before ?? undefined);
  const full: Record<string, unknown> = {
    ...change.record,
    deleted: change.op === 'delete',
    updatedAt: change.serverTime,
    updatedBy: change.userId,
  };
  const regionId = String(full[entity.regionField]);
  const seq = await tx.appendChange({
    entity: entity.name,
    recordId: id,
    regionId,
    op: change.op,
    data: full,
    changedFields: change.changedFields,
    userId: change.userId,
    deviceId: change.deviceId ?? null,
    mutationId: change.mutationId ?? null,
    serverTime: change.serverTime,
  });
  // The change row was written out above (its data has no `version`, which is the seq): the same
  // object now becomes the record, rather than a copy of it.
  full.version = seq;
  await tx.writeRecord(entity.name, full);
  const adjust = async (region: string, delta: number, hash: string) => (change.digests ? change.digests.add(region, delta, hash) : tx.adjustDigest(region, delta, hash));
  if (existing && existing.deleted !== true) {
    await adjust(String(existing[entity.regionField]), -1, recordHash(entity.name, id, Number(existing.version)));
  }
  if (change.op !== 'delete') await adjust(regionId, 1, recordHash(entity.name, id, seq));
  return seq;
}
