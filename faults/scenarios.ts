import type { FaultScenario } from './fault-scenario';
import { pullCut } from './scenarios/pull-cut';
import { serverKilled } from './scenarios/server-killed';

/** The faults of the suite, in the order of the table in docs/reliability.md. */
export const scenarios: FaultScenario<never>[] = [serverKilled, pullCut].map((s) => s as FaultScenario<never>);
