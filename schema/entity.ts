import { z } from 'zod';
import { f, type Field } from './field';
import type { Role } from './roles';

export type Fields = Record<string, Field>;

export interface EntityDefinition<N extends string = string, F extends Fields = Fields> {
  /** Store name in Dexie, table name in SQLite, entity name on the wire. */
  readonly name: N;
  readonly fields: F;
  /**
   * The field that names the region a record belongs to. Every synced record carries one, so
   * that the server can filter its change log by region with an index, and a device can drop a
   * region's data when the officer loses it.
   */
  readonly regionField: (keyof F & string) | null;
  /** Synced to devices. Entities that are not (users) exist only on the server. */
  readonly synced: boolean;
  /** Roles that may create or change records of this entity through a push. */
  readonly writableBy: readonly Role[];
  /** Compound indexes, each a list of field names. */
  readonly compoundIndexes?: readonly (readonly (keyof F & string)[])[];
  /**
   * A domain rule over a whole write that one field's validator cannot see: a status move only
   * some roles may make, a field required in one status. The server refuses a write that breaks it
   * (as a rejected mutation with this code), and the screens ask it before they offer a change.
   */
  readonly writeRule?: (change: WriteRuleInput) => RuleViolation | null;
}

export interface WriteRuleInput {
  role: Role;
  /** A delete passes the record as it stands as both `before` and `after`. */
  op: 'upsert' | 'delete';
  /** The record before the write, or null for a new one (own fields). */
  before: Readonly<Record<string, unknown>> | null;
  /** The whole record after the write, already valid field by field. */
  after: Readonly<Record<string, unknown>>;
}

export interface RuleViolation {
  /** Stable, like a rejection code: the screens translate it. */
  code: string;
  message: string;
}

/**
 * Fields the server maintains on every synced record. The device never sends them in a
 * mutation; it receives them in pulled changes.
 */
export const systemFields = {
  /** The server change-log sequence number of the record's last change. */
  version: f.int(0),
  /** Deletes are tombstones, so that they sync like any other change. */
  deleted: f.bool(),
  /** Server time of the last change: metadata for people, never used for ordering. */
  updatedAt: f.timestamp(),
  updatedBy: f.text(64),
} satisfies Fields;

export type SystemFields = typeof systemFields;

/** Any entity, whatever its fields (a definition's keys make its type invariant in them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEntity = EntityDefinition<string, any>;

export function defineEntity<const N extends string, const F extends Fields & { id: Field }>(
  definition: EntityDefinition<N, F>,
): EntityDefinition<N, F> {
  return definition;
}

type ZodShape<F extends Fields> = { [K in keyof F]: F[K]['zod'] };

function shapeOf<F extends Fields>(fields: F, includeServerOnly: boolean): ZodShape<F> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.options.serverOnly && !includeServerOnly) continue;
    shape[name] = field.zod;
  }
  return shape as ZodShape<F>;
}

/** What a person may write: the entity's own fields, without server-only ones. */
export function writableShape<F extends Fields>(entity: EntityDefinition<string, F>): ZodShape<F> {
  return shapeOf(entity.fields, false);
}

/** A record as a device stores it: own fields plus the server's system fields. */
export function deviceRecordShape<F extends Fields>(
  entity: EntityDefinition<string, F>,
): ZodShape<F> & ZodShape<SystemFields> {
  return { ...shapeOf(entity.fields, false), ...shapeOf(systemFields, false) };
}

/** Every column of the SQLite table, in order: own fields, then system fields if synced. */
export function columnsOf(entity: AnyEntity): [string, Field][] {
  const own: [string, Field][] = Object.entries(entity.fields as Fields);
  return entity.synced ? [...own, ...Object.entries(systemFields)] : own;
}
