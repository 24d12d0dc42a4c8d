import type { Mutation } from '../schema';

/**
 * A local change waiting for the server. It stays in the outbox after the server acknowledges it
 * (state "acked", with the seq at which it was applied) until the pull cursor has passed that seq,
 * so that a pull of older server state cannot hide it (S8).
 */
export interface OutboxEntry extends Omit<Mutation, 'id'> {
  mutationId: string;
  state: 'pending' | 'acked';
  appliedSeq?: number;
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
