import { describe, expect, it, vi } from 'vitest';
import { syncedEntities, uuidv7, validators } from '../schema';
import { fastRecordParser } from './fast-record-parser';

// The fast parser may only ever give zod's own answer: for every entity, each field of a valid
// record is set in turn to many values, at and around the bounds, of the wrong type, untrimmed,
// badly formatted; whenever the fast parser accepts, zod must accept too and return the same.
const words = ['', ' ', 'a', ' a', 'a ', '\u00a0b', 'A-302', 'ÄÖ-1', 'Rusunawa Bench Raya', 'system', 'x\ny'];
const lengths = [1, 2, 9, 10, 11, 15, 16, 17, 29, 30, 31, 40, 63, 64, 65, 100, 199, 200, 201, 300, 1000, 2001];
const formatted = [
  uuidv7(),
  uuidv7().toUpperCase(),
  ` ${uuidv7()}`,
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '2026-11-25T10:00:00.000Z',
  '2026-11-25T10:00:00+07:00',
  '2026-11-25T10:00:00',
  '2026-11-25 10:00:00Z',
  '2026-11-25',
  '2026-02-30',
  '1999-12-31',
  '2026-11',
  '3273014507900001',
  '081234567890',
  '+6281234567890',
];
const enumValues = new Set<string>();
for (const entity of syncedEntities) {
  for (const field of Object.values(validators[entity.name].record.shape) as { _zod: { def: { type: string; entries?: object; innerType?: { _zod: { def: { entries?: object } } } } } }[]) {
    for (const value of Object.values(field._zod.def.entries ?? field._zod.def.innerType?._zod.def.entries ?? {})) enumValues.add(String(value));
  }
}
const numbers = [0, -0, 1, -1, 1.5, 2, 5, 6, 12, 36, 24.5, 99, 100, 101, 999, 1000, 1001, -6.9, 107.6, 300_000, 1e9, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -Number.MAX_VALUE, Number.MAX_VALUE, NaN, Infinity, -Infinity];
const candidates: unknown[] = [
  ...words,
  ...lengths.map((n) => 'x'.repeat(n)),
  ...lengths.map((n) => ` ${'y'.repeat(n)}`),
  ...formatted,
  ...enumValues,
  ...numbers,
  ...numbers.map(String),
  true,
  false,
  null,
  {},
  [],
  [1],
  { kind: 'monthly', amount: 1, period: 'month' },
];

/** A valid record of the entity, each field the first candidate its own schema accepts. */
function validRecord(shape: Record<string, { safeParse(v: unknown): { success: boolean } }>) {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, candidates.find((c) => schema.safeParse(c).success)]));
}

describe('S25: the fast record parser gives zod’s answer or none', () => {
  for (const entity of syncedEntities) {
    it(`${entity.name}: never accepts what zod refuses, never returns other than zod`, () => {
      const schema = validators[entity.name].record;
      const parse = fastRecordParser(schema);
      const base = validRecord(schema.shape as never);
      let accepted = 0;
      let checked = 0;
      for (const key of Object.keys(schema.shape)) {
        for (const value of [...candidates, undefined]) {
          const record = { ...base, [key]: value, unknownField: 'dropped' };
          const fast = parse(record);
          checked++;
          if (fast === undefined) continue;
          accepted++;
          const slow = schema.safeParse(record);
          expect(slow.success, `${entity.name}.${key} = ${JSON.stringify(value)}`).toBe(true);
          expect(fast, `${entity.name}.${key} = ${JSON.stringify(value)}`).toStrictEqual(slow.data);
        }
      }
      expect(checked).toBeGreaterThan(1000);
      if (schema.safeParse(base).success) expect(accepted).toBeGreaterThan(Object.keys(schema.shape).length);
    });
  }

  it('takes the fast way for a plain unit, without zod, and leaves nothing of zod’s checks out', () => {
    const schema = validators.units.record;
    const parse = fastRecordParser(schema);
    const spies = [schema, ...Object.values(schema.shape)].map((s) => vi.spyOn(s as unknown as { safeParse(value: unknown): unknown }, 'safeParse'));
    const unit = {
      id: uuidv7(), regionId: uuidv7(), siteId: uuidv7(), code: 'A1-1000', block: 'A', floor: 1, number: '1000', sizeM2: 36, accessible: true,
      monthlyRent: 300_000, status: 'occupied', version: 7, deleted: false, updatedAt: '2026-11-25T10:00:00.000Z', updatedBy: 'system',
    };
    const fast = parse(unit);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(fast).toStrictEqual(schema.parse(unit));
    vi.restoreAllMocks();
    expect(parse({ ...unit, code: ' A1-1000' })).toBeUndefined();
    expect(parse({ ...unit, floor: 1.5 })).toBeUndefined();
    expect(parse({ ...unit, status: 'sold' })).toBeUndefined();
    expect(parse({ ...unit, updatedAt: '25/11/2026' })).toBeUndefined();
    expect(parse({ ...unit, id: 'u1' })).toBeUndefined();
  });
});
