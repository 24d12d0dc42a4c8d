/**
 * Callers waiting for a queue to run dry, each for at most a given time: the queue's owner calls
 * `wait` with whether it is idle now, and `wake` once it becomes idle.
 */
export class IdleWaiters {
  private waiters: (() => void)[] = [];

  /** Resolves at once when `idle`, else at the next `wake()` or after `maxMs`, whichever is first. */
  wait(idle: boolean, maxMs: number): Promise<void> {
    if (idle) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
