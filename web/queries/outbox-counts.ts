import { countPendingUploads, type LocalDb } from '../../worker';

export interface OutboxCounts {
  /** Changes waiting to be sent (or for the server's answer), and attachments' bytes not yet uploaded (S23). */
  pending: number;
  /** Changes the server refused: they wait for the user to fix and resend, or discard them (S15); and refused bytes. */
  rejected: number;
}

export async function readOutboxCounts(db: LocalDb): Promise<OutboxCounts> {
  const [pending, rejected, uploads] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('state').equals('rejected').count(),
    countPendingUploads(db),
  ]);
  return { pending: pending + uploads.pending, rejected: rejected + uploads.refused };
}
