import { entityByName, upgradeMutation, type MutationResult, type PushRequest, type PushResponse, type SessionUser } from '../../schema';
import { HttpError } from '../http/http-error';
import type { Storage } from '../storage/storage';
import { checkMutation, MutationRejected, validCreate, type MutationWrite } from './apply-mutation';
import { DigestDeltas } from './digest-deltas';
import { allowedRegionIds } from './region-access';
import { checkVersions } from './versions';

/**
 * Applies one device's batch in a single transaction (S2). A mutation at or below the device's
 * last applied seq is answered from the stored result and not applied again (S3); a gap is
 * refused (S4). A mutation the server will never accept is refused by its checks, before it
 * writes anything, and acknowledged as rejected, so it cannot block the queue behind it (S15);
 * any other failure fails the whole push, and its transaction leaves nothing behind (S2).
 */
/**
 * validCreate for each mutation of a push, which needs nothing stored: the record a create makes,
 * null when its fields are not a valid whole record, undefined when not worked out. The server's
 * main thread works it out while the push thread applies the pushes before it (decision 021), so
 * that the thread, where every push waits its turn, does not validate creates itself.
 */
export function prevalidateCreates(request: PushRequest): (Record<string, unknown> | null | undefined)[] {
  return request.mutations.map((mutation) => {
    const entity = entityByName(mutation.entity);
    if (!entity?.synced || mutation.op !== 'upsert') return undefined;
    try {
      return validCreate(entity, upgradeMutation(mutation, request.schemaVersion)) ?? null;
    } catch {
      return undefined; // e.g. a schema version the push is refused for: applyPush says so
    }
  });
}

export async function applyPush(
  storage: Storage,
  user: SessionUser,
  request: PushRequest,
  now = new Date(),
  /** From prevalidateCreates(request), by position. */
  prevalidated?: readonly (Record<string, unknown> | null | undefined)[],
): Promise<PushResponse> {
  checkVersions(request.protocolVersion, request.schemaVersion);
  const serverTime = now.toISOString();

  return storage.transaction(async (tx) => {
    const allowedRegions = await allowedRegionIds(tx, user);
    const device = await tx.device(request.deviceId);
    if (device && device.userId !== user.id) {
      throw new HttpError(403, 'device_of_other_user', 'This device id belongs to another user');
    }
    // What is stored: a refusal's details name it, whatever the push applied before the refusal,
    // since the refusal undoes that (S2).
    const storedLast = device?.lastMutationSeq ?? 0;
    let last = storedLast;
    // Gaps are found before anything is applied, so that the answer describes what is stored.
    let expected = last + 1;
    for (const mutation of request.mutations) {
      if (mutation.seq <= last) continue;
      if (mutation.seq !== expected) {
        throw new HttpError(409, 'mutation_gap', `Expected mutation seq ${expected}, got ${mutation.seq}`, {
          mutationId: mutation.id,
          expectedSeq: expected,
          lastMutationSeq: last,
        });
      }
      expected++;
    }
    const results: MutationResult[] = [];
    let fresh = 0;
    const digests = new DigestDeltas();

    for (const [index, mutation] of request.mutations.entries()) {
      if (mutation.seq <= last) {
        const stored = await tx.appliedMutation(mutation.id);
        if (!stored || stored.deviceId !== request.deviceId || stored.seq !== mutation.seq) {
          throw new HttpError(409, 'mutation_mismatch', `Mutation seq ${mutation.seq} was already used by another mutation`, {
            mutationId: mutation.id,
            lastMutationSeq: storedLast,
          });
        }
        results.push(stored.result);
        continue;
      }

      const upgraded = upgradeMutation(mutation, request.schemaVersion);
      let checked: MutationWrite | MutationResult;
      try {
        checked = await checkMutation(tx, upgraded, { user, deviceId: request.deviceId, allowedRegions, serverTime, digests }, prevalidated?.[index]);
      } catch (error) {
        if (!(error instanceof MutationRejected)) throw error;
        checked = {
          mutationId: mutation.id,
          seq: mutation.seq,
          status: 'rejected',
          reason: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
        };
      }
      let result: MutationResult;
      if (typeof checked === 'function') {
        // Outside the try: a write that fails fails the push, never a half-written rejection.
        const applied = await checked();
        result = {
          mutationId: mutation.id,
          seq: mutation.seq,
          status: 'applied',
          appliedSeq: applied.appliedSeq,
          ...(applied.conflicts.length > 0 ? { conflicts: applied.conflicts } : {}),
        };
      } else {
        result = checked;
      }
      // An id already stored is found by its key as the answer is saved, not by a read first; what
      // this mutation wrote goes with the whole push (S2). (Its write comes first, so a write that
      // failed on its own, e.g. a unique field, would answer for it; no synced entity has one.)
      if (!(await tx.saveAppliedMutation({ mutationId: mutation.id, deviceId: request.deviceId, seq: mutation.seq, result, entity: mutation.entity, recordId: mutation.recordId }))) {
        throw new HttpError(409, 'mutation_id_reused', 'This mutation id was already used', { mutationId: mutation.id, lastMutationSeq: storedLast });
      }
      results.push(result);
      last = mutation.seq;
      fresh++;
    }

    // A pure replay writes nothing at all, not even "last seen" (S3).
    if (fresh > 0) {
      await digests.flush(tx);
      await tx.saveDevice({
        id: request.deviceId,
        userId: user.id,
        lastMutationSeq: last,
        appVersion: request.appVersion ?? null,
        schemaVersion: request.schemaVersion,
        firstSeenAt: device?.firstSeenAt ?? serverTime,
        lastSeenAt: serverTime,
      });
    }
    return { results, lastMutationSeq: last };
  });
}
