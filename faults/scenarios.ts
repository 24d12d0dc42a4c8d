import type { FaultScenario } from './fault-scenario';
import { browserClosed } from './scenarios/browser-closed';
import { pullCut } from './scenarios/pull-cut';
import { quotaExhausted } from './scenarios/quota-exhausted';
import { serverKilled } from './scenarios/server-killed';
import { twoTabs } from './scenarios/two-tabs';
import { uploadCut } from './scenarios/upload-cut';
import { workerStopped } from './scenarios/worker-stopped';

/** The faults of the suite, in the order of the table in docs/reliability.md. */
export const scenarios: FaultScenario<never>[] = [serverKilled, pullCut, uploadCut, browserClosed, workerStopped, quotaExhausted, twoTabs].map((s) => s as FaultScenario<never>);
