import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

/**
 * Inserts (or, with `onConflict`, replaces) rows of a drizzle table through a better-sqlite3
 * statement prepared once per set of columns. Building the same drizzle insert for every write
 * cost more than the write itself. Values go through each column's own driver mapping (JSON,
 * booleans), so what is stored is exactly what drizzle would store.
 */
export function preparedWriter(sqlite: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return (table: Table, row: Record<string, unknown>, onConflict?: string) => {
    const columns = getTableColumns(table);
    const keys = Object.keys(row).filter((key) => columns[key] !== undefined && row[key] !== undefined);
    const cacheKey = `${getTableName(table)}|${onConflict ?? ''}|${keys.join(',')}`;
    let statement = statements.get(cacheKey);
    if (!statement) {
      const names = keys.map((key) => `"${columns[key]!.name}"`);
      const conflict = onConflict
        ? ` on conflict ("${columns[onConflict]!.name}") do update set ${names.filter((n) => n !== `"${columns[onConflict]!.name}"`).map((n) => `${n} = excluded.${n}`).join(', ')}`
        : '';
      statement = sqlite.prepare(`insert into "${getTableName(table)}" (${names.join(', ')}) values (${keys.map(() => '?').join(', ')})${conflict}`);
      statements.set(cacheKey, statement);
    }
    return statement.run(
      keys.map((key) => {
        const value = row[key];
        return value === null ? null : (columns[key]!.mapToDriverValue(value) as unknown);
      }),
    );
  };
}
