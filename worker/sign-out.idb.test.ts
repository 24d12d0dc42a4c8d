import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LocalDb } from './local-db';
import { signOutAndWipe, unsentWork } from './sign-out';
import { checkUnlockPassword, makeUnlockVerifier } from './unlock-verifier';

const user = { id: 'u1', username: 'petugas', displayName: 'Petugas', role: 'field_officer' as const, regionIds: [] };

async function deviceWithWork(indexedDB: IDBFactory) {
  const db = new LocalDb('hunian', { indexedDB, IDBKeyRange });
  await db.setMeta('session', { token: 'secret-token-of-petugas', expiresAt: '2030-01-01T00:00:00Z', user, deviceId: 'd1' });
  await db.setMeta('unlock', await makeUnlockVerifier('u1', 'petugas123', 1000));
  await db.outbox.put({ seq: 1, mutationId: 'm1', entity: 'households', op: 'upsert', recordId: 'h1', baseVersion: null, fields: { headName: 'Siti' }, clientTime: 'x', state: 'pending' } as never);
  await db.attachmentBlobs.put({ sha256: 'a'.repeat(64), blob: new Blob(['ktp']), mimeType: 'image/jpeg', byteSize: 3, uploadState: 'pending', createdAt: 'x' });
  await db.formDrafts.put({ id: 'f1', kind: 'application', userId: 'u1', values: { headName: 'Siti' }, updatedAt: 'x' });
  return db;
}

describe('unlock verifier', () => {
  it('accepts the password it was made from and nothing else', async () => {
    const verifier = await makeUnlockVerifier('u1', 'petugas123', 1000);
    expect(JSON.stringify(verifier)).not.toContain('petugas123');
    expect(await checkUnlockPassword(verifier, 'petugas123')).toBe(true);
    expect(await checkUnlockPassword(verifier, 'petugas124')).toBe(false);
    expect(await checkUnlockPassword(verifier, '')).toBe(false);
  });

  it('salts each verifier, so two sign-ins with one password store different hashes', async () => {
    const [a, b] = [await makeUnlockVerifier('u1', 'same', 1000), await makeUnlockVerifier('u1', 'same', 1000)];
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('sign-out', () => {
  it('counts the unsent work it would throw away', async () => {
    const db = await deviceWithWork(new IDBFactory());
    expect(await unsentWork(db)).toEqual({ changes: 1, uploads: 1, drafts: 1 });
    db.close();
  });

  it('wipes every store of the device, the session and the unlock verifier with it', async () => {
    const indexedDB = new IDBFactory();
    const db = await deviceWithWork(indexedDB);
    const calls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url} ${(init.headers as Record<string, string>).authorization}`);
      throw new TypeError('offline');
    }) as typeof fetch;
    try {
      await signOutAndWipe(db, 'http://server');
    } finally {
      globalThis.fetch = realFetch;
    }
    // Offline: the server could not be told, and the data still left the device.
    expect(calls).toEqual(['POST http://server/api/auth/logout Bearer secret-token-of-petugas']);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('hunian');
    const reopened = new LocalDb('hunian', { indexedDB, IDBKeyRange });
    await reopened.open();
    for (const table of reopened.tables) expect(await table.count(), table.name).toBe(0);
    reopened.close();
  });
});
