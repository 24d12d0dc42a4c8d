import { createHmac, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with N=2^14, r=8, p=1 (the OWASP minimum): about 50 ms and 16 MiB per check.
const params = { N: 16384, r: 8, p: 1 } as const;
const keyLength = 32;

/**
 * What scrypt hashes: the password peppered with the server secret (server-secret.ts), so that a
 * stolen database cannot be cracked without the secret file too. Hashes made before the pepper
 * ("scrypt$…") still verify, and are replaced at the user's next sign-in.
 */
const peppered = (password: string, secret: Buffer) => createHmac('sha256', secret).update(password, 'utf8').digest();

export function hashPassword(password: string, secret: Buffer): string {
  const salt = randomBytes(16);
  const hash = scryptSync(peppered(password, secret), salt, keyLength, params);
  return `scrypt-hmac$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export interface PasswordCheck {
  ok: boolean;
  /** Right, but stored in an older form: hash it again with hashPassword. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string, secret: Buffer): Promise<PasswordCheck> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if ((scheme !== 'scrypt' && scheme !== 'scrypt-hmac') || !salt || !hash) return { ok: false, needsRehash: false };
  const input = scheme === 'scrypt-hmac' ? peppered(password, secret) : Buffer.from(password, 'utf8');
  const expected = Buffer.from(hash, 'base64');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(input, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
  const ok = timingSafeEqual(actual, expected);
  return { ok, needsRehash: ok && scheme !== 'scrypt-hmac' };
}

/** The hash as stored before the pepper: for demo data loaded without the server (see seedDemoData). */
export function legacyPasswordHash(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, keyLength, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}
