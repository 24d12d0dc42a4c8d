import { conflict, entityByName, systemFields, uuidv7, validators, type AnyEntity, type Field, type Mutation, type SessionUser } from '../../schema';
import type { StorageTx } from '../storage/storage';
import type { DigestDeltas } from './digest-deltas';
import { flagDuplicateNiks } from './duplicate-nik';
import { checkTenancy } from './tenancy';
import { writeChange } from './write-change';

export interface MutationContext {
  user: SessionUser;
  deviceId: string;
  allowedRegions: ReadonlySet<string>;
  serverTime: string;
  /** Where the push gathers its digest changes, to write them once at its end. */
  digests?: DigestDeltas;
}

/** A mutation the server will never apply. It is acknowledged as rejected, with this reason (S15). */
export class MutationRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Applied {
  appliedSeq: number;
  conflicts: { field: string; conflictId: string }[];
}

function ownFields(row: Record<string, unknown>): Record<string, unknown> {
  const own = { ...row };
  for (const name of Object.keys(systemFields)) delete own[name];
  return own;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const referenceFieldsOf = new Map<string, [string, string][]>();
/** An entity's fields that reference another entity, with its name. */
function referenceFields(entity: AnyEntity): [string, string][] {
  let found = referenceFieldsOf.get(entity.name);
  if (!found) {
    found = Object.entries(entity.fields as Record<string, Field>).flatMap(([name, field]) => (field.options.references ? [[name, field.options.references] as [string, string]] : []));
    referenceFieldsOf.set(entity.name, found);
  }
  return found;
}

/** Each `references` field must point at a live record in a region the writer may use. */
async function checkReferences(tx: StorageTx, entity: AnyEntity, record: Record<string, unknown>, ctx: MutationContext) {
  for (const [fieldName, target] of referenceFields(entity)) {
    const value = record[fieldName];
    if (typeof value !== 'string') continue;
    const targetEntity = entityByName(target)!;
    const found = await tx.readRecord(target, value);
    const foundRegion = found && targetEntity.regionField ? found[targetEntity.regionField] : undefined;
    if (!found || found.deleted === true || !ctx.allowedRegions.has(String(foundRegion))) {
      throw new MutationRejected('invalid_reference', `${fieldName} does not name a ${target} record you may use`, { field: fieldName });
    }
    // A record lives in the region of what it points at (an inspection in its unit's region).
    if (target !== 'regions' && foundRegion !== record[entity.regionField!]) {
      throw new MutationRejected('region_mismatch', `${fieldName} belongs to another region than the record`, { field: fieldName });
    }
  }
}

/**
 * Fields changed by others since the mutation's base version (S13): by another device, or by
 * the server itself. The same device's own earlier mutations are not concurrent with it.
 */
async function concurrentFields(tx: StorageTx, entity: AnyEntity, recordId: string, baseVersion: number, deviceId: string) {
  const byField = new Map<string, { seq: number; userId: string }>();
  const changes = await tx.recordFieldChangesAfter(entity.name, recordId, baseVersion);
  for (const change of changes) {
    if (change.deviceId === deviceId) continue;
    for (const field of change.changedFields ?? Object.keys(entity.fields)) byField.set(field, { seq: change.seq, userId: change.userId });
  }
  // S22: compaction may have dropped rows after this base, and with them which fields they set
  // and who set them (the surviving row may be this device's own, hiding another's before it).
  // So if the record changed after a base below the watermark, every field counts as changed by
  // others: a differing value becomes a conflict record (perhaps needlessly), never a silent
  // overwrite; an equal value still merges silently.
  // Compaction always runs through the newest seq and keeps each record's latest row (S21), so if
  // the record had any row in (base, watermark], one of them survives: rows after the base that
  // all lie above the watermark (a record this device created and changed offline, pushed after a
  // restart compacted the log) lost nothing, and merge as usual.
  const latest = changes.at(-1);
  const watermark = await tx.compactedThrough();
  if (latest && baseVersion < watermark && changes[0]!.seq <= watermark) {
    for (const field of Object.keys(entity.fields)) byField.set(field, { seq: latest.seq, userId: latest.userId });
  }
  return byField;
}

async function keepLostValue(
  tx: StorageTx,
  ctx: MutationContext,
  mutation: Mutation,
  regionId: string,
  lost: { field: string; keptValue: unknown; keptSeq: number; keptBy: string; lostValue: unknown },
) {
  const id = uuidv7();
  await writeChange(tx, {
    entity: conflict,
    op: 'upsert',
    record: {
      id,
      regionId,
      entity: mutation.entity,
      recordId: mutation.recordId,
      ...lost,
      lostBy: ctx.user.id,
      lostDeviceId: ctx.deviceId,
      lostMutationId: mutation.id,
      lostClientTime: mutation.clientTime,
      status: 'open',
      resolvedBy: null,
    },
    changedFields: null,
    userId: ctx.user.id,
    deviceId: ctx.deviceId,
    mutationId: mutation.id,
    serverTime: ctx.serverTime,
    digests: ctx.digests,
  });
  return { field: lost.field, conflictId: id };
}

/** The write of a mutation that passed every check: it can no longer be refused (S15). */
export type MutationWrite = () => Promise<Applied>;

/**
 * Validates a mutation. A create whose fields make a valid whole record is checked once, as that
 * record; otherwise (an edit, or fields that fail) the patch is checked first and then the merged
 * record, so that the reason names what is wrong (invalid_fields, id_mismatch, invalid_record).
 */
export function validCreate(entity: AnyEntity, mutation: Mutation): Record<string, unknown> | undefined {
  const { fields } = mutation;
  if ('id' in fields && fields.id !== mutation.recordId) return undefined;
  const whole = validators[entity.name as keyof typeof validators].write.safeParse({ ...fields, id: mutation.recordId });
  return whole.success ? (whole.data as Record<string, unknown>) : undefined;
}

/**
 * Validates and authorises one mutation inside the push transaction, reading only, and returns
 * its write. Every refusal (MutationRejected) comes from here, before anything is written, so a
 * refused mutation has no effect to undo and needs no savepoint of its own (S15); the write
 * cannot be refused. Fields nobody else changed since the base merge; a field changed
 * concurrently keeps the value that reached the server first, and the incoming value goes to a
 * conflict record (S14). The record always gets a change row last, so `appliedSeq` is a state
 * of the record that already reflects this mutation.
 */
export async function checkMutation(
  tx: StorageTx,
  mutation: Mutation,
  ctx: MutationContext,
  /** validCreate's answer for this mutation when already known (null: not a valid whole record); see prevalidateCreates. */
  prevalidated?: Record<string, unknown> | null,
): Promise<MutationWrite> {
  const entity = entityByName(mutation.entity);
  if (!entity || !entity.synced) throw new MutationRejected('unknown_entity', `Unknown entity "${mutation.entity}"`);
  if (!entity.writableBy.includes(ctx.user.role)) {
    throw new MutationRejected('role_forbidden', `Role ${ctx.user.role} may not change ${entity.name}`);
  }
  const regionField = entity.regionField!;
  const existing = await tx.readRecord(entity.name, mutation.recordId);
  if (existing && !ctx.allowedRegions.has(String(existing[regionField]))) {
    throw new MutationRejected('region_forbidden', 'The record belongs to a region you may not write');
  }
  const write = (op: 'upsert' | 'delete', record: Record<string, unknown>, changedFields: string[] | null) =>
    writeChange(tx, {
      entity,
      op,
      record,
      changedFields,
      userId: ctx.user.id,
      deviceId: ctx.deviceId,
      mutationId: mutation.id,
      serverTime: ctx.serverTime,
      // Read above; conflict records written meanwhile are other records.
      before: existing ?? null,
      digests: ctx.digests,
    });

  if (mutation.op === 'delete') {
    // Deleting what the server never had (a draft whose create was refused) changes nothing.
    if (!existing) return async () => ({ appliedSeq: 0, conflicts: [] });
    const standing = ownFields(existing);
    const refused = existing.deleted === true ? null : entity.writeRule?.({ role: ctx.user.role, op: 'delete', before: standing, after: standing });
    if (refused) throw new MutationRejected(refused.code, refused.message);
    // Deletes are tombstones, and win over concurrent edits (S16); the data stays in the tombstone.
    return async () => ({ appliedSeq: await write('delete', ownFields(existing), null), conflicts: [] });
  }

  const created = existing ? undefined : prevalidated === undefined ? validCreate(entity, mutation) : (prevalidated ?? undefined);
  const entityValidators = validators[entity.name as keyof typeof validators];
  let fields: Record<string, unknown>;
  if (created) {
    fields = mutation.fields;
  } else {
    const patch = entityValidators.patch.safeParse(mutation.fields);
    if (!patch.success) throw new MutationRejected('invalid_fields', `Invalid fields for ${entity.name}`, { issues: patch.error.issues });
    if ('id' in patch.data && patch.data.id !== mutation.recordId) throw new MutationRejected('id_mismatch', 'fields.id differs from recordId');
    fields = patch.data;
  }

  if (existing?.deleted === true) {
    // An edit of a record deleted meanwhile: nothing is applied, and nothing is lost either.
    return async () => {
      const kept = await keepLostValue(tx, ctx, mutation, String(existing[regionField]), {
        field: '*',
        keptValue: null,
        keptSeq: Number(existing.version),
        keptBy: String(existing.updatedBy),
        lostValue: fields,
      });
      return { appliedSeq: await write('delete', ownFields(existing), []), conflicts: [kept] };
    };
  }

  const concurrent = existing ? await concurrentFields(tx, entity, mutation.recordId, mutation.baseVersion ?? 0, ctx.deviceId) : new Map();
  const accepted: Record<string, unknown> = {};
  const lost: { field: string; keptValue: unknown; keptSeq: number; keptBy: string; lostValue: unknown }[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const other = concurrent.get(field);
    if (existing && other && !same(existing[field], value)) {
      lost.push({ field, keptValue: existing[field], keptSeq: other.seq, keptBy: other.userId, lostValue: value });
    } else {
      accepted[field] = value;
    }
  }
  // A decision is one move (S28): when an application's status lost to another's, what came with
  // it (the note, the unit offered) is kept aside with it, never laid over the other decision.
  if (existing && entity.name === 'applications' && lost.some((item) => item.field === 'status')) {
    for (const [field, value] of Object.entries(accepted)) {
      if (field === 'id' || same(existing[field], value)) continue;
      lost.push({ field, keptValue: existing[field], keptSeq: Number(existing.version), keptBy: String(existing.updatedBy), lostValue: value });
      delete accepted[field];
    }
  }

  let record: Record<string, unknown>;
  if (created) {
    record = created;
  } else {
    const merged = { ...(existing ? ownFields(existing) : {}), ...accepted, id: mutation.recordId };
    const whole = entityValidators.write.safeParse(merged);
    if (!whole.success) {
      throw new MutationRejected('invalid_record', `The resulting ${entity.name} record is incomplete or invalid`, { issues: whole.error.issues });
    }
    record = whole.data as Record<string, unknown>;
  }
  if (!ctx.allowedRegions.has(String(record[regionField]))) {
    throw new MutationRejected('region_forbidden', 'The record belongs to a region you may not write');
  }
  await checkReferences(tx, entity, record, ctx);
  const violation = entity.writeRule?.({ role: ctx.user.role, op: 'upsert', before: existing ? ownFields(existing) : null, after: record });
  if (violation) throw new MutationRejected(violation.code, violation.message);
  await checkTenancy(tx, entity.name, record, existing ?? null);

  const changedFields = existing ? Object.keys(accepted).filter((field) => !same(existing[field], accepted[field])) : null;
  return async () => {
    const conflicts = [];
    for (const item of lost) conflicts.push(await keepLostValue(tx, ctx, mutation, String(record[regionField]), item));
    if (entity.name === 'households' && (changedFields === null || changedFields.includes('headNik') || changedFields.includes('members'))) {
      // Before the household's own change row, which stays last (S8).
      await flagDuplicateNiks(tx, record, ctx.serverTime);
    }
    return { appliedSeq: await write('upsert', record, changedFields), conflicts };
  };
}

/** Checks and writes one mutation (checkMutation, then its write). */
export async function applyMutation(tx: StorageTx, mutation: Mutation, ctx: MutationContext): Promise<Applied> {
  return (await checkMutation(tx, mutation, ctx))();
}
