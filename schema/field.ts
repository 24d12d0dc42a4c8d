import { z } from 'zod';

/** How a field is stored in SQLite. IndexedDB stores the JSON value as it is. */
export type ColumnKind = 'text' | 'integer' | 'real' | 'boolean' | 'json';

export interface FieldOptions {
  /** May be null. */
  readonly nullable: boolean;
  /** Indexed in Dexie and in SQLite. */
  readonly indexed: boolean;
  /** A unique index in SQLite (the device cannot enforce uniqueness across devices). */
  readonly unique: boolean;
  /** Never leaves the server: not in the Dexie store, not in pulled changes. */
  readonly serverOnly: boolean;
  /** The entity this field points at; the server checks the target exists in the same region. */
  readonly references?: string;
  /**
   * The value rows already stored get when the column is added (SQLite needs one for NOT NULL).
   * It is not a default for writes: the validator still requires the field.
   */
  readonly existingRowsValue?: string | number | boolean;
  /**
   * For a list of objects (a json field): the item keys whose values SQLite indexes, in a table
   * of their own per key (schema/drizzle-tables.ts, listItemIndexes), so that the server finds
   * the records whose list holds a value without reading every record. Server only: IndexedDB
   * cannot index a key inside the objects of a list.
   */
  readonly indexedItemKeys?: readonly string[];
}

const defaults: FieldOptions = { nullable: false, indexed: false, unique: false, serverOnly: false };

/**
 * One field of an entity: its storage kind, its validator and a few flags. Every face of the
 * entity (Dexie store, Drizzle table, zod validator, TypeScript type) is derived from these.
 */
export class Field<S extends z.ZodType = z.ZodType> {
  constructor(
    readonly kind: ColumnKind,
    readonly zod: S,
    readonly options: FieldOptions = defaults,
  ) {}

  nullable(): Field<z.ZodNullable<S>> {
    return new Field(this.kind, this.zod.nullable(), { ...this.options, nullable: true });
  }

  indexed(): Field<S> {
    return new Field(this.kind, this.zod, { ...this.options, indexed: true });
  }

  unique(): Field<S> {
    return new Field(this.kind, this.zod, { ...this.options, unique: true, indexed: true });
  }

  /** See FieldOptions.existingRowsValue. Pair it with an upgrade step (upgrades.ts). */
  existingRows(value: string | number | boolean): Field<S> {
    return new Field(this.kind, this.zod, { ...this.options, existingRowsValue: value });
  }

  /** See FieldOptions.indexedItemKeys. */
  itemsIndexedBy(...keys: string[]): Field<S> {
    return new Field(this.kind, this.zod, { ...this.options, indexedItemKeys: keys });
  }

  serverOnly(): Field<S> {
    return new Field(this.kind, this.zod, { ...this.options, serverOnly: true });
  }
}

/** Record ids are UUIDs made on the device (v7, so that B-tree inserts stay local). */
export const idSchema = z.uuid();

/** `YYYY-MM-DD` (the format is checked before) names a day of the Gregorian calendar. Read digit by digit: it runs on every date of every push. */
function isCalendarDate(value: string): boolean {
  const digit = (i: number) => value.charCodeAt(i) - 48;
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/**
 * A calendar date, `YYYY-MM-DD`, with no time zone: the day as the person on site saw it, within
 * a range whose violation carries its own problem code (the form says which range).
 */
function dateBetween(from: string, to: string, outOfRange: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_date' })
    .refine(isCalendarDate, { error: 'invalid_date' })
    .refine((v) => v >= from && v <= to, { error: outOfRange });
}

/** A date of the program's own events (inspections, leases): 2000 to 2100. */
export const dateSchema = dateBetween('2000-01-01', '2100-12-31', 'date_out_of_range');

/** A date of birth: from 1900. (Not after today is the form's check: the schema has no clock.) */
export const birthDateSchema = dateBetween('1900-01-01', '2100-12-31', 'birth_date_out_of_range');

/** A field that must pass a domain check; the check's problem code becomes the issue message. */
function checked(base: z.ZodString, problem: (value: string) => string | null) {
  return base.superRefine((value, ctx) => {
    const code = problem(value);
    if (code) ctx.addIssue({ code: 'custom', message: code });
  });
}

export const f = {
  id: () => new Field('text', idSchema),
  ref: (entity: string) => new Field('text', idSchema, { ...defaults, references: entity, indexed: true }),
  text: (max = 200, min = 0) => new Field('text', z.string().trim().min(min).max(max)),
  int: (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
    new Field('integer', z.int().min(min).max(max)),
  real: (min = -Number.MAX_VALUE, max = Number.MAX_VALUE) =>
    new Field('real', z.number().min(min).max(max)),
  bool: () => new Field('boolean', z.boolean()),
  date: () => new Field('text', dateSchema),
  birthDate: () => new Field('text', birthDateSchema),
  timestamp: () => new Field('text', z.iso.datetime({ offset: true })),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => new Field('text', z.enum(values)),
  json: <S extends z.ZodType>(schema: S) => new Field('json', schema),
  /** Text with a domain check (e.g. a NIK) whose problem codes the screens translate. */
  checkedText: (max: number, problem: (value: string) => string | null) =>
    new Field('text', checked(z.string().trim().max(max), problem)),
};
