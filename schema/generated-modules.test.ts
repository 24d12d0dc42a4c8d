import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dexieStores, dexieVersion } from './dexie-stores';
import { entities } from './entities';
import { generatedModules } from './generated-modules';
import * as generatedStores from './generated/dexie-stores';
import { syncedEntityWriters } from './generated/entity-writers';

describe('schema/generated/ (what the page reads instead of deriving)', () => {
  for (const [file, text] of Object.entries(generatedModules())) {
    it(`${file} is what the entities derive (after a schema change: npm run schema:generate)`, () => {
      expect(fs.readFileSync(new URL(file, import.meta.url), 'utf8')).toBe(text);
    });
  }

  it('hold the same values as the derivation', () => {
    expect(generatedStores.dexieVersion).toBe(dexieVersion);
    expect(generatedStores.dexieStores).toEqual(dexieStores);
    expect(syncedEntityWriters).toEqual(Object.fromEntries(entities.filter((e) => e.synced).map((e) => [e.name, e.writableBy])));
  });
});
