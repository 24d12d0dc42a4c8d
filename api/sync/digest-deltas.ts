import type { StorageTx } from '../storage/storage';

/**
 * Region digest changes (S17) gathered over one push and written once at its end, in the same
 * transaction: a count and an XOR commute, so the order of the adds does not matter, and nothing
 * reads a digest in the middle of a push. Writing each mutation's changes at once cost a read
 * and an upsert of the region's digest row per record version, on every mutation.
 */
export class DigestDeltas {
  private readonly byRegion = new Map<string, { count: number; hi: number; lo: number }>();

  add(regionId: string, countDelta: number, hash: string): void {
    let delta = this.byRegion.get(regionId);
    if (!delta) {
      delta = { count: 0, hi: 0, lo: 0 };
      this.byRegion.set(regionId, delta);
    }
    delta.count += countDelta;
    delta.hi = (delta.hi ^ parseInt(hash.slice(0, 8), 16)) >>> 0;
    delta.lo = (delta.lo ^ parseInt(hash.slice(8, 16), 16)) >>> 0;
  }

  /** Writes what was gathered (call it inside the transaction that made the changes) and starts over. */
  async flush(tx: StorageTx): Promise<void> {
    for (const [regionId, { count, hi, lo }] of this.byRegion) {
      await tx.adjustDigest(regionId, count, hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0'));
    }
    this.byRegion.clear();
  }
}
