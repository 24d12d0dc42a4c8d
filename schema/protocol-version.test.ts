import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dexieStores } from './dexie-stores';
import * as protocol from './protocol';
import { validators } from './validators';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from './versions';

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function wireHash(): string {
  const schemas = Object.entries(protocol)
    .filter(([, value]) => value instanceof z.ZodType)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]) => [name, z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any' })]);
  return hashOf(schemas);
}

function schemaHash(): string {
  const entities = Object.entries(validators)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, v]) => [name, z.toJSONSchema(v.record, { unrepresentable: 'any' }), z.toJSONSchema(v.write, { unrepresentable: 'any' })]);
  return hashOf([entities, dexieStores]);
}

// One line per released version. Changing the wire types or the schema changes the hash: add a
// line with a bumped version (and an upgrade step for the schema), never edit a released line.
const released = {
  protocol: { 2: 'd443ec61d5b0f2a5', 3: '1ef1aac524677acd' } as Record<number, string>,
  schema: { 2: '322e7dd811b24ae4', 3: '043ba6ecc19b39cc' } as Record<number, string>,
};

describe('versions are bumped with every change', () => {
  it(`the wire types match protocol version ${PROTOCOL_VERSION}`, () => {
    expect(wireHash()).toBe(released.protocol[PROTOCOL_VERSION]);
  });

  it(`the entities and device stores match schema version ${SCHEMA_VERSION}`, () => {
    expect(schemaHash()).toBe(released.schema[SCHEMA_VERSION]);
  });
});
