import type { z } from 'zod';

/**
 * A quicker way through an entity's record validator, for the tens of thousands of records a
 * bootstrap brings (S25). Zod spends about 5 µs on a unit record, most of it in its general
 * machinery; the content security policy forbids the compiled (eval) path it would otherwise take.
 *
 * Made from the validator itself, field by field: a field whose schema is plain (a string with
 * length bounds, a format pattern and transforms, a number with bounds, a boolean, an enum, or a
 * nullable one of these) gets a direct check that holds exactly when zod would accept the value
 * and give it back unchanged (a transform must leave it as it is, e.g. text already trimmed). Any
 * other field (lists, objects, refinements) is parsed by its own zod schema. The record passes
 * only if every field does; otherwise the caller asks the whole validator, which gives the
 * verdict and the reasons. So this can only say "valid, and here is the value zod would return",
 * never "invalid". The test beside it holds it to zod's answers, field by field.
 */
export type FastRecordParser = (value: unknown) => Record<string, unknown> | undefined;

type Check = (value: unknown) => boolean;

interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string; checks?: { _zod: { def: Record<string, unknown> & { check: string } } }[] } };
}

const internals = (schema: unknown) => (schema as ZodInternals)._zod.def;

function patternCheck(pattern: RegExp): Check {
  return (value) => {
    pattern.lastIndex = 0;
    return pattern.test(value as string);
  };
}

/** The checks a string or number schema carries, each as a direct test; undefined when one is not plain. */
function checksOf(def: ReturnType<typeof internals>): Check[] | undefined {
  const checks: Check[] = [];
  // A format schema (z.uuid(), z.iso.datetime()) is itself a pattern check.
  if (def.check === 'string_format') {
    if (!(def.pattern instanceof RegExp)) return undefined;
    checks.push(patternCheck(def.pattern));
  }
  for (const check of def.checks ?? []) {
    // A check zod would skip (its `when` says so) is still made here: stricter is safe, as the
    // caller then asks zod.
    const c = check._zod.def;
    switch (c.check) {
      case 'overwrite': {
        const tx = c.tx as (value: unknown) => unknown;
        checks.push((value) => tx(value) === value);
        break;
      }
      case 'min_length':
        checks.push((value) => (value as string).length >= (c.minimum as number));
        break;
      case 'max_length':
        checks.push((value) => (value as string).length <= (c.maximum as number));
        break;
      case 'string_format':
        if (!(c.pattern instanceof RegExp)) return undefined;
        checks.push(patternCheck(c.pattern));
        break;
      case 'greater_than': {
        const bound = c.value as number;
        checks.push(c.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound);
        break;
      }
      case 'less_than': {
        const bound = c.value as number;
        checks.push(c.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound);
        break;
      }
      default:
        return undefined;
    }
  }
  return checks;
}

const all = (type: Check, checks: Check[]): Check => (value) => type(value) && checks.every((check) => check(value));

/** A direct check for a plain field schema, or undefined. */
function fieldCheck(schema: unknown): Check | undefined {
  const def = internals(schema);
  switch (def.type) {
    case 'string': {
      const checks = checksOf(def);
      return checks && all((value) => typeof value === 'string', checks);
    }
    case 'number': {
      const checks = checksOf(def);
      if (!checks || (def.format !== undefined && def.format !== 'safeint')) return undefined;
      const type: Check = def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : (value) => typeof value === 'number' && Number.isFinite(value);
      return all(type, checks);
    }
    case 'boolean':
      return (def.checks ?? []).length === 0 ? (value) => typeof value === 'boolean' : undefined;
    case 'enum': {
      if ((def.checks ?? []).length > 0) return undefined;
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (value) => (typeof value === 'string' || typeof value === 'number') && values.has(value);
    }
    case 'nullable': {
      const inner = fieldCheck(def.innerType);
      return inner && ((value) => value === null || inner(value));
    }
    default:
      return undefined;
  }
}

/** The fast parser for one object validator (z.object, unknown keys stripped). */
export function fastRecordParser(schema: z.ZodObject): FastRecordParser {
  const def = internals(schema);
  // Only a plain object: unknown keys dropped, no refinement of the whole.
  if (def.type !== 'object' || def.catchall !== undefined || (def.checks ?? []).length > 0) return () => undefined;
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => ({ key, field, check: fieldCheck(field) }));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const input = value as Record<string, unknown>;
    const record: Record<string, unknown> = {};
    for (const { key, field, check } of fields) {
      const fieldValue = input[key];
      // A missing field is zod's to judge (an optional one would be left out, not set to undefined).
      if (fieldValue === undefined) return undefined;
      if (check) {
        if (!check(fieldValue)) return undefined;
        record[key] = fieldValue;
        continue;
      }
      const parsed = field.safeParse(fieldValue);
      if (!parsed.success) return undefined;
      record[key] = parsed.data;
    }
    return record;
  };
}
