import type { Change, MutationResult, RegionDigest, SnapshotResponse } from '../schema';
import type { PendingUpload, UploadRefusal } from './attachment-uploads';
import type { BootstrapSnapshot } from './bootstrap-snapshot';
import type { OutboxEntry } from './outbox-entry';
import type { Session } from './session';
import type { SyncStatus } from './sync-status';

/** What the sync engine needs from local storage. Dexie implements it; so could anything else. */
export interface SyncStore {
  session(): Promise<Session | undefined>;
  /** Pending mutations in seq order, at most `limit`. */
  pendingMutations(limit: number): Promise<OutboxEntry[]>;
  /** Records the server's answers: acked (kept as an overlay until the cursor passes) or rejected. */
  recordResults(results: readonly MutationResult[]): Promise<void>;
  /** Renumbers the pending mutations at or above `firstSeq` from it, keeping their order (S4 recovery). */
  renumberPending(firstSeq: number): Promise<void>;
  cursor(): Promise<number>;
  /** Applies one pulled page and moves the cursor, in one transaction. */
  applyPulled(changes: readonly Change[], cursor: number): Promise<void>;
  /**
   * Writes a bootstrap snapshot as it streams in, on a device whose cursor is 0, keeping pending
   * writes and their overlays, and moves the cursor to the snapshot's (S25). Returns how many
   * records it stored.
   */
  applyBootstrap(snapshot: BootstrapSnapshot): Promise<number>;
  /** The regions whose copy on this device does not match the server's digest (S17). */
  mismatchedRegions(digests: readonly RegionDigest[]): Promise<string[]>;
  /** Replaces this device's copy of a region with a snapshot, keeping pending writes (S17). */
  replaceRegion(snapshot: SnapshotResponse): Promise<void>;
  /**
   * Drops records of regions the user may no longer see (S6), keeping any the device still has
   * changes for. Returns how many records it dropped.
   */
  dropOtherRegions(visibleRegionIds: readonly string[]): Promise<number>;
  updateStatus(patch: Partial<SyncStatus>): Promise<void>;
  /**
   * Attachment bytes to upload, at most `limit`: not yet on the server, not refused, and named by
   * an attachment record the server already has (S23).
   */
  uploadableAttachments(limit: number): Promise<PendingUpload[]>;
  markUploaded(sha256: string): Promise<void>;
  /** The server refused the bytes for good: they stay, marked, and are not sent again by themselves. */
  markUploadRefused(sha256: string, refusal: UploadRefusal): Promise<void>;
  /**
   * What the device reports of itself after a round (S26): writes waiting to be sent, attachment
   * bytes waiting to upload, the last successful round. A store without it sends no report.
   */
  deviceState?(): Promise<{ pendingCount: number; pendingUploads: number; lastSyncAt: string | null }>;
}
