import type { Mutation, MutationResult, PushRequest, PushResponse } from '../../schema';

/** One answer the server gave to a mutation, as the fault-injecting transport saw it. */
export interface SeenAnswer {
  deviceId: string;
  mutation: Mutation;
  result: MutationResult;
  /** Whether some answer for it reached the sync engine (it may also have been thrown away). */
  delivered: boolean;
}

/**
 * Everything the server answered to pushes during a run, whether or not the answer reached the
 * device: the invariants are checked against what the server claimed, not only what a device
 * happened to hear. It also checks S3 as it goes: every answer for one mutation id is the same.
 */
export class PushLedger {
  readonly answers = new Map<string, SeenAnswer>();
  readonly unstableAnswers: string[] = [];
  /** Distinct mutation ids sent to the server in a push that it received. */
  readonly sent = new Set<string>();
  pushRequests = 0;

  noteSent(request: PushRequest): void {
    this.pushRequests++;
    for (const mutation of request.mutations) this.sent.add(mutation.id);
  }

  noteAnswer(request: PushRequest, response: PushResponse, delivered: boolean): void {
    const byId = new Map(request.mutations.map((m) => [m.id, m]));
    for (const result of response.results) {
      const mutation = byId.get(result.mutationId);
      if (!mutation) {
        this.unstableAnswers.push(`answer for ${result.mutationId}, which the push did not carry`);
        continue;
      }
      const seen = this.answers.get(result.mutationId);
      if (!seen) {
        this.answers.set(result.mutationId, { deviceId: request.deviceId, mutation, result, delivered });
        continue;
      }
      if (JSON.stringify(seen.result) !== JSON.stringify(result)) {
        this.unstableAnswers.push(`mutation ${result.mutationId}: answered ${JSON.stringify(seen.result)}, later ${JSON.stringify(result)}`);
      }
      seen.delivered ||= delivered;
    }
  }

  count(status: MutationResult['status']): number {
    let n = 0;
    for (const { result } of this.answers.values()) if (result.status === status) n++;
    return n;
  }

  /** Lost fields the server reported in its answers (S14), one per conflict record it claims. */
  reportedConflicts(): { mutationId: string; field: string; conflictId: string }[] {
    const reported = [];
    for (const { result } of this.answers.values()) {
      if (result.status !== 'applied') continue;
      for (const c of result.conflicts ?? []) reported.push({ mutationId: result.mutationId, ...c });
    }
    return reported;
  }
}
