/**
 * The password checked on the device, so that reopening the app offline can ask for it (issue 6).
 * At each online sign-in the page derives a PBKDF2-SHA-256 key from the password with a fresh
 * salt and keeps only that; the password itself is never stored. 200,000 iterations take a few
 * hundred milliseconds on a mid-range phone: slow for guessing, quick enough to unlock.
 */
export interface UnlockVerifier {
  userId: string;
  salt: string;
  iterations: number;
  hash: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function makeUnlockVerifier(userId: string, password: string, iterations = 200_000): Promise<UnlockVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { userId, salt: toBase64(salt), iterations, hash: toBase64(await derive(password, salt, iterations)) };
}

export async function checkUnlockPassword(verifier: UnlockVerifier, password: string): Promise<boolean> {
  const actual = await derive(password, fromBase64(verifier.salt), verifier.iterations);
  const expected = fromBase64(verifier.hash);
  // Constant time over the whole digest: the comparison must not say how much matched.
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}
