import type { Page } from '@playwright/test';
import { BrowserApp, deviceForChecks, dropSavedRecord, outboxCount, phone, signInThroughUi, withHooks } from '../browser/browser-app';
import { type FaultScenario, sleep, waitFor } from '../fault-scenario';
import { beginRun, runChecks } from '../run-checks';

/**
 * Two tabs of the app open at once on the same device: one database, one outbox, one service
 * worker. Both tabs save at the same time, and sync rounds start from both sides at once: the
 * first tab asks the service worker (as a controlled page does), the second runs the engine in
 * the page (as a page does before a worker controls it), under the same Web Lock (S9). Now and
 * then the network drops for both. Every save must reach the server once.
 */
export const twoTabs: FaultScenario<BrowserApp> = {
  id: 'two-tabs',
  title: 'two tabs open at once on the same device',
  setUp: () => BrowserApp.shared(),
  tearDown: async () => {},

  async run(app, { run, random, log, sabotage }) {
    const server = app.server;
    const { rowsBefore, saved } = beginRun(server);
    const context = await app.browser.newContext(phone);
    try {
      await context.exposeBinding('faultSaved', (source, record: { id: string; fields: Record<string, unknown> }) => {
        saved.noteSaved('inspections', record.id, record.fields, source.page === tabs[0] ? 'tab 1' : 'tab 2');
      });
      const first = await context.newPage();
      await signInThroughUi(first, app.baseUrl);
      const second = await withHooks(await context.newPage());
      await second.goto(app.baseUrl);
      await withHooks(second);
      const tabs: Page[] = [first, second];

      const rounds = { worker: 0, page: 0, failed: 0 };
      let outages = 0;
      let running = true;
      const work = (tab: Page, index: number) =>
        (async () => {
          for (let batch = 1; running; batch++) {
            const count = random.int(1, 4);
            await tab.evaluate(([n, tag]) => window.hunianFaults!.saveInspections(n, tag), [count, `two-tabs run ${run} tab ${index + 1} batch ${batch}`] as const);
            const how = random.weighted({ worker: index === 0 ? 3 : 1, page: index === 1 ? 3 : 1, none: 1 });
            if (how === 'none') continue;
            // Not awaited every time: rounds from both tabs overlap each other and the next saves.
            const round = tab.evaluate((via) => (via === 'worker' ? window.hunianFaults!.syncViaWorker() : window.hunianFaults!.syncInPage()), how).then((outcome) => {
              rounds[how]++;
              if (typeof outcome !== 'object' || !outcome.ok) rounds.failed++;
            });
            if (random.chance(0.5)) await round;
            await sleep(random.int(0, 80));
          }
        })();
      const workers = tabs.map(work);
      const until = Date.now() + random.int(1_500, 3_000);
      while (Date.now() < until) {
        await sleep(random.int(300, 900));
        if (random.chance(0.3)) {
          outages++;
          server.proxy.setNetworkDown(true);
          await sleep(random.int(100, 500));
          server.proxy.setNetworkDown(false);
        }
      }
      // Self-test: the network stays down for the last saves, and one of them is lost by the device.
      if (sabotage) server.proxy.setNetworkDown(true);
      running = false;
      await Promise.all(workers);
      if (sabotage) {
        await dropSavedRecord(first, [...saved.records.values()].at(-1)!.id);
        server.proxy.setNetworkDown(false);
      }

      const failures: string[] = [];
      const drained = await waitFor(async () => {
        await first.evaluate(() => window.hunianFaults!.syncViaWorker(5_000));
        return (await outboxCount(first)) === 0;
      }, 30_000, 100);
      if (!drained) failures.push(`${await outboxCount(first)} changes still waiting after the tabs stopped`);
      await second.evaluate(() => window.hunianFaults!.syncInPage());

      const devices = [await deviceForChecks(first, 'tab 1'), await deviceForChecks(second, 'tab 2')];
      const sqlite = server.openReader();
      try {
        const checked = await runChecks({ sqlite, baseUrl: server.baseUrl, devices, ledger: server.proxy.ledger, saved, rowsBefore });
        checked.checks.push({ name: 'the shared outbox drained', failures, countsAsLoss: false });
        const note = `${saved.writes} saves from two tabs; ${rounds.worker} rounds via the worker, ${rounds.page} in the page (${rounds.failed} failed); ${outages} outages`;
        log(note);
        return { ...checked, writes: saved.writes, note };
      } finally {
        sqlite.close();
        for (const device of devices) device.db.close();
      }
    } finally {
      server.proxy.setNetworkDown(false);
      await context.close();
    }
  },
};
