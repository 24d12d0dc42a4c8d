/**
 * An order-independent digest of the records of a region: their count, and the XOR of a 64-bit
 * hash of each live record's (entity, id, version). XOR lets the server keep it up to date with
 * each write (remove the old version's hash, add the new one) and the device compute it with one
 * pass over its stores. It detects divergence; it is not a security measure.
 */
export interface RegionDigest {
  regionId: string;
  count: number;
  /** 16 hex digits. */
  hash: string;
}

export const emptyHash = '0000000000000000';

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function recordHash(entity: string, id: string, version: number): string {
  const text = `${entity}\u0000${id}\u0000${version}`;
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
}

export function xorHash(a: string, b: string): string {
  const hi = (parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0;
  const lo = (parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0;
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
