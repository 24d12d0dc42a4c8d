import { describe, expect, it } from 'vitest';
import { dexieStores } from './dexie-stores';
import { syncedEntities } from './entities';

describe('Dexie stores derived from the schema', () => {
  // The golden file of these stores is the module the page opens its database with,
  // schema/generated/dexie-stores.ts: generated-modules.test.ts fails when it differs, so a change
  // here shows up as a reviewed diff of that file (and is a schema change: bump SCHEMA_VERSION).

  it('have a store for every synced entity, keyed by id and indexed by region', () => {
    for (const entity of syncedEntities) {
      const spec = dexieStores[entity.name];
      expect(spec, entity.name).toMatch(/^id(,|$)/);
      if (entity.regionField !== 'id') expect(spec).toContain(String(entity.regionField));
    }
  });
});
