import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../test-support/test-server';
import { rebuildDigestsIfMissing } from './rebuild-digests';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const digests = () => server.sqlite.prepare('select * from region_digests order by region_id').all();

describe('region digests at start', () => {
  it('S17: are kept exact by every write, so a rebuild finds nothing to change', async () => {
    const before = digests();
    expect(before.length).toBeGreaterThan(0);
    expect(await rebuildDigestsIfMissing(server.storage)).toBe(false);
    expect(digests()).toEqual(before);
  });

  it('S17: are rebuilt for a database written before they existed', async () => {
    const before = digests();
    server.sqlite.exec('delete from region_digests');
    expect(await rebuildDigestsIfMissing(server.storage)).toBe(true);
    expect(digests()).toEqual(before);
  });
});
