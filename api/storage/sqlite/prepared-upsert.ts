import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';

type Encode = (value: unknown) => unknown;

/** A table's columns in order, with what each does to a value before it is stored. */
interface TableColumns {
  name: string;
  keys: string[];
  columnNames: string[];
  /** null: stored as it is (most columns); else the column's own driver mapping (JSON, booleans). */
  encoders: (Encode | null)[];
  statements: Map<string, Database.Statement>;
}

function encoderOf(column: Column): Encode | null {
  switch (column.columnType) {
    case 'SQLiteText':
    case 'SQLiteInteger':
    case 'SQLiteReal':
      return null;
    case 'SQLiteTextJson':
      return (value) => JSON.stringify(value);
    default:
      return (value) => column.mapToDriverValue(value);
  }
}

/**
 * Inserts (or, with `onConflict`, replaces) rows of a drizzle table through a better-sqlite3
 * statement prepared once per table and set of present columns. Building the same drizzle insert
 * for every write cost more than the write itself. Values go through each column's own driver
 * mapping (JSON, booleans), so what is stored is exactly what drizzle would store; a key that is
 * undefined is left out (on conflict, the stored value stays).
 */
export function preparedWriter(sqlite: Database.Database) {
  const tables = new Map<Table, TableColumns>();
  const columnsOf = (table: Table): TableColumns => {
    let found = tables.get(table);
    if (!found) {
      const columns = Object.entries(getTableColumns(table));
      found = {
        name: getTableName(table),
        keys: columns.map(([key]) => key),
        columnNames: columns.map(([, column]) => column.name),
        encoders: columns.map(([, column]) => encoderOf(column)),
        statements: new Map(),
      };
      tables.set(table, found);
    }
    return found;
  };

  return (table: Table, row: Record<string, unknown>, onConflict?: string) => {
    const t = columnsOf(table);
    const values: unknown[] = [];
    let present = onConflict ?? '';
    for (let i = 0; i < t.keys.length; i++) {
      const value = row[t.keys[i]!];
      if (value === undefined) {
        present += '0';
        continue;
      }
      present += '1';
      const encode = t.encoders[i]!;
      values.push(value === null || encode === null ? value : encode(value));
    }
    let statement = t.statements.get(present);
    if (!statement) {
      const names = t.columnNames.filter((_, i) => row[t.keys[i]!] !== undefined).map((name) => `"${name}"`);
      const conflictName = onConflict ? `"${t.columnNames[t.keys.indexOf(onConflict)]!}"` : '';
      const conflict = onConflict
        ? ` on conflict (${conflictName}) do update set ${names.filter((n) => n !== conflictName).map((n) => `${n} = excluded.${n}`).join(', ')}`
        : '';
      statement = sqlite.prepare(`insert into "${t.name}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')})${conflict}`);
      t.statements.set(present, statement);
    }
    return statement.run(values);
  };
}
