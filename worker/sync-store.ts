import type { Change, MutationResult } from '../schema';
import type { OutboxEntry } from './outbox-entry';
import type { Session } from './session';
import type { SyncStatus } from './sync-status';

/** What the sync engine needs from local storage. Dexie implements it; so could anything else. */
export interface SyncStore {
  session(): Promise<Session | undefined>;
  /** Pending mutations in seq order, at most `limit`. */
  pendingMutations(limit: number): Promise<OutboxEntry[]>;
  /** Marks acknowledged mutations; they stay as an overlay until the cursor passes them. */
  markAcked(results: readonly MutationResult[]): Promise<void>;
  cursor(): Promise<number>;
  /** Applies one pulled page and moves the cursor, in one transaction. */
  applyPulled(changes: readonly Change[], cursor: number): Promise<void>;
  updateStatus(patch: Partial<SyncStatus>): Promise<void>;
}
