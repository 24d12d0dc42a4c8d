import { entityByName, systemFields, validators, type AnyEntity, type Field, type Mutation, type SessionUser } from '../../schema';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { readRecord, writeChange } from './write-change';

export interface MutationContext {
  user: SessionUser;
  deviceId: string;
  allowedRegions: ReadonlySet<string>;
  serverTime: string;
}

function withoutSystemFields(row: Record<string, unknown>): Record<string, unknown> {
  const own = { ...row };
  for (const name of Object.keys(systemFields)) delete own[name];
  return own;
}

function syncedEntity(name: string, mutationId: string): AnyEntity {
  const entity = entityByName(name);
  if (!entity || !entity.synced) {
    throw new HttpError(400, 'unknown_entity', `Unknown entity "${name}"`, { mutationId });
  }
  return entity;
}

/** Each `references` field must point at a live record in a region the writer may use. */
function checkReferences(tx: Db, entity: AnyEntity, record: Record<string, unknown>, ctx: MutationContext, mutationId: string) {
  for (const [fieldName, field] of Object.entries(entity.fields as Record<string, Field>)) {
    const target = field.options.references;
    const value = record[fieldName];
    if (!target || typeof value !== 'string') continue;
    const targetEntity = entityByName(target)!;
    const found = readRecord(tx, targetEntity, value);
    const foundRegion = found && targetEntity.regionField ? found[targetEntity.regionField] : undefined;
    if (!found || found.deleted === true || !ctx.allowedRegions.has(String(foundRegion))) {
      throw new HttpError(422, 'invalid_reference', `${fieldName} does not name a ${target} record you may use`, {
        mutationId,
        field: fieldName,
      });
    }
    // A record lives in the region of what it points at (an inspection in its unit's region).
    if (target !== 'regions' && foundRegion !== record[entity.regionField!]) {
      throw new HttpError(422, 'region_mismatch', `${fieldName} belongs to another region than the record`, {
        mutationId,
        field: fieldName,
      });
    }
  }
}

/**
 * Validates, authorises and applies one mutation inside the push transaction. Returns the change
 * seq at which it was applied. Throws HttpError (rolling the whole batch back) when it cannot be.
 */
export function applyMutation(tx: Db, mutation: Mutation, ctx: MutationContext): number {
  const entity = syncedEntity(mutation.entity, mutation.id);
  if (!entity.writableBy.includes(ctx.user.role)) {
    throw new HttpError(403, 'role_forbidden', `Role ${ctx.user.role} may not change ${entity.name}`, {
      mutationId: mutation.id,
    });
  }
  const existing = readRecord(tx, entity, mutation.recordId);
  const regionField = entity.regionField!;
  if (existing && !ctx.allowedRegions.has(String(existing[regionField]))) {
    throw new HttpError(403, 'region_forbidden', 'The record belongs to a region you may not write', { mutationId: mutation.id });
  }

  const entityValidators = validators[entity.name as keyof typeof validators];
  let record: Record<string, unknown>;
  if (mutation.op === 'delete') {
    if (!existing) throw new HttpError(404, 'record_not_found', `No ${entity.name} record ${mutation.recordId}`, { mutationId: mutation.id });
    record = withoutSystemFields(existing);
  } else {
    const patch = entityValidators.patch.safeParse(mutation.fields);
    if (!patch.success) {
      throw new HttpError(422, 'invalid_fields', `Invalid fields for ${entity.name}`, { mutationId: mutation.id, issues: patch.error.issues });
    }
    if ('id' in patch.data && patch.data.id !== mutation.recordId) {
      throw new HttpError(400, 'id_mismatch', 'fields.id differs from recordId', { mutationId: mutation.id });
    }
    const merged = { ...(existing ? withoutSystemFields(existing) : {}), ...patch.data, id: mutation.recordId };
    const whole = entityValidators.write.safeParse(merged);
    if (!whole.success) {
      throw new HttpError(422, 'invalid_record', `The resulting ${entity.name} record is incomplete or invalid`, {
        mutationId: mutation.id,
        issues: whole.error.issues,
      });
    }
    record = whole.data;
  }

  if (!ctx.allowedRegions.has(String(record[regionField]))) {
    throw new HttpError(403, 'region_forbidden', 'The record belongs to a region you may not write', { mutationId: mutation.id });
  }
  if (mutation.op === 'upsert') checkReferences(tx, entity, record, ctx, mutation.id);

  return writeChange(tx, {
    entity,
    op: mutation.op,
    record,
    userId: ctx.user.id,
    deviceId: ctx.deviceId,
    mutationId: mutation.id,
    serverTime: ctx.serverTime,
  });
}
