import type { LocalDb } from '../../worker';

export interface OutboxCounts {
  /** Changes waiting to be sent (or for the server's answer). */
  pending: number;
  /** Changes the server refused: they wait for the user to fix and resend, or discard them (S15). */
  rejected: number;
}

export async function readOutboxCounts(db: LocalDb): Promise<OutboxCounts> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('state').equals('rejected').count(),
  ]);
  return { pending, rejected };
}
