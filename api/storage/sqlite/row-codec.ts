import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';

type Decode = (value: unknown) => unknown;

const identity: Decode = (value) => value;
const parseJson: Decode = (value) => JSON.parse(value as string);
const toBoolean: Decode = (value) => Number(value) === 1;

/** Exactly what drizzle's column does with a stored value, without its per-row machinery. */
function decoderOf(column: Column): Decode {
  switch (column.columnType) {
    case 'SQLiteTextJson':
      return parseJson;
    case 'SQLiteBoolean':
      return toBoolean;
    case 'SQLiteText':
    case 'SQLiteInteger':
    case 'SQLiteReal':
      return identity;
    default:
      return (value) => column.mapFromDriverValue(value);
  }
}

export interface TableCodec {
  /** `"col_a", "col_b", …` in the table's column order, for a select list. */
  readonly selectList: string;
  readonly tableName: string;
  /** A raw row (`statement.raw()`) as the object drizzle's `select()` would return. */
  decode(row: unknown[]): Record<string, unknown>;
}

const codecs = new WeakMap<Table, TableCodec>();

/**
 * Reads rows of a drizzle table straight from better-sqlite3: mapping each row through drizzle's
 * select machinery cost several times the lookup itself on the push path. The objects are the
 * same (property names, JSON and boolean columns decoded, nulls kept).
 */
export function tableCodec(table: Table): TableCodec {
  let codec = codecs.get(table);
  if (codec) return codec;
  const columns = Object.entries(getTableColumns(table));
  const keys = columns.map(([key]) => key);
  const decoders = columns.map(([, column]) => decoderOf(column));
  codec = {
    selectList: columns.map(([, column]) => `"${column.name}"`).join(', '),
    tableName: getTableName(table),
    decode(row) {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = row[i];
        record[keys[i]!] = value === null ? null : decoders[i]!(value);
      }
      return record;
    },
  };
  codecs.set(table, codec);
  return codec;
}

/** A prepared select of whole rows of `table`, decoded; `where` etc. follow `from "table"`. */
export function preparedRows(sqlite: Database.Database, table: Table, tail: string) {
  const codec = tableCodec(table);
  const statement = sqlite.prepare(`select ${codec.selectList} from "${codec.tableName}" ${tail}`).raw(true);
  return {
    get(...params: unknown[]): Record<string, unknown> | undefined {
      const row = statement.get(...params) as unknown[] | undefined;
      return row === undefined ? undefined : codec.decode(row);
    },
    all(...params: unknown[]): Record<string, unknown>[] {
      return (statement.all(...params) as unknown[][]).map((row) => codec.decode(row));
    },
  };
}
