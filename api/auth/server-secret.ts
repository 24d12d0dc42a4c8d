import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file beside the database that holds the server's secret. */
export const secretFileName = 'hunian-secret.key';

/**
 * The server's own secret, made on first start and kept beside the database (never in the
 * repository). It peppers password hashes (password.ts): a copy of the database alone, without
 * this file, gives an attacker nothing to test guesses against. Lose it and every user resets
 * their password; so back it up with the database, but store the copies apart.
 */
export function loadOrCreateServerSecret(dbPath: string): Buffer {
  const file = path.join(path.dirname(dbPath), secretFileName);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': two processes starting at once must not each write a different secret.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
