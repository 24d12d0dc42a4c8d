import type { Mutation, Rejection } from '../schema';

/**
 * A local change on its way to the server.
 * - pending: not yet acknowledged; pushed in seq order.
 * - acked: the server applied it at `appliedSeq`. It stays, laid over pulled state, until the
 *   pull cursor reaches that seq (S8).
 * - rejected: the server will never apply it (S15). It stays, visible on its record with the
 *   reason, until the user fixes and resends it or discards it.
 */
export interface OutboxEntry extends Omit<Mutation, 'id'> {
  mutationId: string;
  state: 'pending' | 'acked' | 'rejected';
  appliedSeq?: number;
  rejection?: Rejection;
}

export function toMutation(entry: OutboxEntry): Mutation {
  return {
    id: entry.mutationId,
    seq: entry.seq,
    entity: entry.entity,
    op: entry.op,
    recordId: entry.recordId,
    baseVersion: entry.baseVersion,
    fields: entry.fields,
    clientTime: entry.clientTime,
  };
}

/** Does this entry's change still need laying over a server state as of `seq`? */
export function overlaysState(entry: OutboxEntry, seq: number): boolean {
  return entry.state !== 'acked' || (entry.appliedSeq ?? Infinity) > seq;
}

/** The fields of the given entries, merged in seq order. */
export function mergedFields(entries: readonly OutboxEntry[]): Record<string, unknown> {
  return Object.assign({}, ...[...entries].sort((a, b) => a.seq - b.seq).map((e) => e.fields));
}
