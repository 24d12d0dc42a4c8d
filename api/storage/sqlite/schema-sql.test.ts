import fs from 'node:fs';
import path from 'node:path';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { entities } from '../../../schema';
import * as entityTables from '../../../schema/drizzle-tables';
import * as serverTables from './server-tables';

const migrationsDir = path.join(import.meta.dirname, 'migrations');

async function currentSnapshot() {
  return generateSQLiteDrizzleJson({ ...entityTables, ...serverTables });
}

describe('SQL derived from the schema', () => {
  it('is pinned by a golden file', async () => {
    const empty = await generateSQLiteDrizzleJson({});
    const statements = await generateSQLiteMigration(empty, await currentSnapshot());
    await expect(statements.join('\n') + '\n').toMatchFileSnapshot('./golden/schema.sql');
  });

  it('has committed drizzle-kit migrations up to date with it (run `npm run db:generate`)', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as {
      entries: { idx: number; tag: string }[];
    };
    const last = journal.entries.at(-1)!;
    const snapshot = JSON.parse(
      fs.readFileSync(path.join(migrationsDir, `meta/${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'),
    );
    expect(await generateSQLiteMigration(snapshot, await currentSnapshot())).toEqual([]);
  });

  it('exports each list-item index table by name, where drizzle-kit finds tables', () => {
    const exported = new Set(Object.values(entityTables));
    expect(entityTables.listItemIndexes.length).toBeGreaterThan(0);
    for (const index of entityTables.listItemIndexes) expect(exported.has(index.table), `${index.entity}.${index.field}[].${index.itemKey}`).toBe(true);
  });

  it('has one table per entity', () => {
    const names = Object.values(entityTables.entityTables).map((t) => (t as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]);
    expect(names.sort()).toEqual(entities.map((e) => e.name).sort());
  });
});
