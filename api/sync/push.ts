import { eq } from 'drizzle-orm';
import { PROTOCOL_VERSION, type MutationResult, type PushRequest, type PushResponse, type SessionUser } from '../../schema';
import type { Db } from '../db/open-database';
import { appliedMutations, devices } from '../db/server-tables';
import { HttpError } from '../http/http-error';
import { applyMutation } from './apply-mutation';
import { allowedRegionIds } from './region-access';

/**
 * Applies one device's batch in a single transaction (S2). A mutation at or below the device's
 * last applied seq is answered from the stored result and not applied again (S3); a gap is refused
 * (S4). Any refusal rolls the whole batch back, so nothing is half-written.
 */
export function applyPush(db: Db, user: SessionUser, request: PushRequest, now = new Date()): PushResponse {
  if (request.protocolVersion !== PROTOCOL_VERSION) {
    throw new HttpError(400, 'protocol_version', `Protocol version ${request.protocolVersion} is not supported; expected ${PROTOCOL_VERSION}`);
  }
  const serverTime = now.toISOString();
  const allowedRegions = allowedRegionIds(db, user);

  return db.transaction((tx) => {
    const device = tx.select().from(devices).where(eq(devices.id, request.deviceId)).get();
    if (device && device.userId !== user.id) {
      throw new HttpError(403, 'device_of_other_user', 'This device id belongs to another user');
    }
    let last = device?.lastMutationSeq ?? 0;
    const results: MutationResult[] = [];
    let applied = 0;

    for (const mutation of request.mutations) {
      if (mutation.seq <= last) {
        const stored = tx.select().from(appliedMutations).where(eq(appliedMutations.mutationId, mutation.id)).get();
        if (!stored || stored.deviceId !== request.deviceId || stored.seq !== mutation.seq) {
          throw new HttpError(409, 'mutation_mismatch', `Mutation seq ${mutation.seq} was already used by another mutation`, {
            mutationId: mutation.id,
            lastMutationSeq: last,
          });
        }
        results.push(stored.result as MutationResult);
        continue;
      }
      if (mutation.seq !== last + 1) {
        throw new HttpError(409, 'mutation_gap', `Expected mutation seq ${last + 1}, got ${mutation.seq}`, {
          mutationId: mutation.id,
          expectedSeq: last + 1,
          lastMutationSeq: last,
        });
      }
      const reused = tx.select({ seq: appliedMutations.seq }).from(appliedMutations).where(eq(appliedMutations.mutationId, mutation.id)).get();
      if (reused) throw new HttpError(409, 'mutation_id_reused', 'This mutation id was already used', { mutationId: mutation.id });

      const appliedSeq = applyMutation(tx, mutation, { user, deviceId: request.deviceId, allowedRegions, serverTime });
      const result: MutationResult = { mutationId: mutation.id, seq: mutation.seq, status: 'applied', appliedSeq };
      tx.insert(appliedMutations).values({ mutationId: mutation.id, deviceId: request.deviceId, seq: mutation.seq, result }).run();
      results.push(result);
      last = mutation.seq;
      applied++;
    }

    // A pure replay writes nothing at all, not even "last seen".
    if (applied > 0) {
      const values = {
        lastMutationSeq: last,
        appVersion: request.appVersion ?? null,
        schemaVersion: request.schemaVersion,
        lastSeenAt: serverTime,
      };
      tx.insert(devices)
        .values({ id: request.deviceId, userId: user.id, firstSeenAt: serverTime, ...values })
        .onConflictDoUpdate({ target: devices.id, set: values })
        .run();
    }
    return { results, lastMutationSeq: last };
  });
}
