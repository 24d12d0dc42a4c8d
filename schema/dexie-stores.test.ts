import { describe, expect, it } from 'vitest';
import { dexieStores, dexieVersion } from './dexie-stores';
import { syncedEntities } from './entities';

describe('Dexie stores derived from the schema', () => {
  it('are pinned by a golden file (a change here is a schema change: bump SCHEMA_VERSION)', async () => {
    await expect(JSON.stringify({ version: dexieVersion, stores: dexieStores }, null, 2) + '\n').toMatchFileSnapshot(
      './golden/dexie-stores.json',
    );
  });

  it('have a store for every synced entity, keyed by id and indexed by region', () => {
    for (const entity of syncedEntities) {
      const spec = dexieStores[entity.name];
      expect(spec, entity.name).toMatch(/^id(,|$)/);
      if (entity.regionField !== 'id') expect(spec).toContain(String(entity.regionField));
    }
  });
});
