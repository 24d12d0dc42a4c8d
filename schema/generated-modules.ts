import { dexieStores, dexieVersion } from './dexie-stores';
import { syncedEntities } from './entities';

/**
 * The faces of the schema that the page needs before anything else, written out as plain data
 * under schema/generated/ (`npm run schema:generate`). Opening the database and drawing the
 * header must not cost the first load zod and every entity definition (docs/decisions/014);
 * generated-modules.test.ts fails when a file there is not what the entities derive.
 */

const header = (from: string) =>
  `// Generated from ${from} by \`npm run schema:generate\` (scripts/generate-schema.ts). Do not edit.\n` +
  '// The page reads this instead of deriving it, so that its first load needs no zod (docs/decisions/014).\n';

/** A single-quoted TypeScript string; the values here are store specs, names and roles. */
function quoted(text: string): string {
  if (!/^[\w ,+[\]]*$/.test(text)) throw new Error(`Unexpected character in generated string: ${text}`);
  return `'${text}'`;
}

function dexieStoresModule(): string {
  const stores = Object.entries(dexieStores).map(([store, spec]) => `  ${store}: ${quoted(spec)},\n`);
  return (
    header('schema/dexie-stores.ts') +
    '\n' +
    "/** The Dexie version (= SCHEMA_VERSION) and the argument to `db.version(dexieVersion).stores(dexieStores)`. */\n" +
    `export const dexieVersion = ${dexieVersion};\n` +
    '\n' +
    `export const dexieStores: Readonly<Record<string, string>> = {\n${stores.join('')}};\n`
  );
}

function entityWritersModule(): string {
  const names = syncedEntities.map((e) => `\n  | ${quoted(e.name)}`).join('');
  const writers = syncedEntities.map((e) => `  ${e.name}: [${e.writableBy.map(quoted).join(', ')}],\n`);
  return (
    header('schema/entities (writableBy)') +
    '\n' +
    "import type { Role } from '../roles';\n" +
    '\n' +
    `type SyncedEntityName =${names};\n` +
    '\n' +
    '/** Roles that may create or change records of each synced entity through a push, by store name. */\n' +
    `export const syncedEntityWriters: Readonly<Record<SyncedEntityName, readonly Role[]>> = {\n${writers.join('')}};\n`
  );
}

/** Every file under schema/generated/, by its path relative to schema/, with its text. */
export function generatedModules(): Record<string, string> {
  return {
    'generated/dexie-stores.ts': dexieStoresModule(),
    'generated/entity-writers.ts': entityWritersModule(),
  };
}
