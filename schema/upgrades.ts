import type { Mutation } from './protocol';
import { MIN_SCHEMA_VERSION, SCHEMA_VERSION } from './versions';

type Fields = Record<string, unknown>;

/**
 * How data written under schema version `to - 1` becomes version `to`. Each step is written once
 * and used on both sides: the server upgrades mutations from older apps still in the field, and a
 * device's Dexie upgrade runs it over its stored records and its outbox (Zero loses offline writes
 * across schema changes; we do not). Never delete a step while MIN_SCHEMA_VERSION allows it.
 */
export interface UpgradeStep {
  to: number;
  /** A whole stored record of an entity. */
  record?: Partial<Record<string, (record: Fields) => Fields>>;
  /** The fields of a mutation; `isCreate` when it makes a new record (baseVersion null). */
  mutation?: Partial<Record<string, (fields: Fields, isCreate: boolean) => Fields>>;
}

export const upgradeSteps: readonly UpgradeStep[] = [
  {
    // Version 2: inspections have a type. Those made before were periodic inspections.
    to: 2,
    record: { inspections: (r) => ({ type: 'periodic', ...r }) },
    mutation: { inspections: (fields, isCreate) => (isCreate ? { type: 'periodic', ...fields } : fields) },
  },
  {
    // Version 3: the whole field domain. Inspections gained GPS and a checklist; made before, they had neither.
    to: 3,
    record: { inspections: (r) => ({ latitude: null, longitude: null, gpsAccuracyM: null, checklist: [], ...r }) },
    mutation: {
      inspections: (fields, isCreate) =>
        isCreate ? { latitude: null, longitude: null, gpsAccuracyM: null, checklist: [], ...fields } : fields,
    },
  },
];

/** Brings a mutation made under `fromVersion` up to the current schema. */
export function upgradeMutation(mutation: Mutation, fromVersion: number): Mutation {
  if (fromVersion < MIN_SCHEMA_VERSION || fromVersion > SCHEMA_VERSION) {
    throw new RangeError(`Cannot upgrade a mutation from schema version ${fromVersion}`);
  }
  let fields = mutation.fields;
  for (const step of upgradeSteps) {
    if (step.to <= fromVersion) continue;
    const upgrade = step.mutation?.[mutation.entity];
    if (upgrade && mutation.op === 'upsert') fields = upgrade(fields, mutation.baseVersion === null);
  }
  return fields === mutation.fields ? mutation : { ...mutation, fields };
}
