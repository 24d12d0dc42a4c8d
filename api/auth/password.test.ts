import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, legacyPasswordHash, verifyPassword } from './password';
import { loadOrCreateServerSecret, secretFileName } from './server-secret';

const secret = Buffer.alloc(32, 7);
const otherSecret = Buffer.alloc(32, 8);

describe('passwords', () => {
  it('verify with the secret they were peppered with, and not without it', async () => {
    const stored = hashPassword('petugas123', secret);
    expect(stored).toMatch(/^scrypt-hmac\$/);
    expect(await verifyPassword('petugas123', stored, secret)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('petugas124', stored, secret)).ok).toBe(false);
    // A stolen database without the secret file: the right password does not even verify.
    expect((await verifyPassword('petugas123', stored, otherSecret)).ok).toBe(false);
  });

  it('accept hashes made before the pepper and ask for them to be replaced', async () => {
    const stored = legacyPasswordHash('kantor123');
    expect(await verifyPassword('kantor123', stored, secret)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword('kantor124', stored, secret)).toEqual({ ok: false, needsRehash: false });
  });
});

describe('the server secret', () => {
  it('is made once beside the database, readable only by its owner, and read back the same', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-secret-'));
    const dbPath = path.join(dir, 'hunian.sqlite');
    const first = loadOrCreateServerSecret(dbPath);
    expect(first.length).toBe(32);
    expect(fs.statSync(path.join(dir, secretFileName)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateServerSecret(dbPath).equals(first)).toBe(true);
    const elsewhere = loadOrCreateServerSecret(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-secret-')), 'hunian.sqlite'));
    expect(elsewhere.equals(first)).toBe(false);
  });
});
