import { BrowserApp, deviceForChecks, dropSavedRecord, outboxCount, phone, signInThroughUi, withHooks } from '../browser/browser-app';
import { type FaultScenario, sleep, waitFor } from '../fault-scenario';
import { beginRun, runChecks } from '../run-checks';

/**
 * The service worker stopped in the middle of a sync. An officer saves inspections offline; the
 * network comes back and the worker starts sending them; at a random moment of the round (while
 * a push or a pull is on the wire, or anywhere) the browser stops the worker, as Chromium does
 * to an idle or busy worker whenever it likes (CDP ServiceWorker.stopAllWorkers). Then the page
 * wakes it, and it must finish the work: nothing lost, nothing applied twice.
 */
export const workerStopped: FaultScenario<BrowserApp> = {
  id: 'worker-stopped',
  title: 'service worker stopped in the middle of a sync',
  setUp: () => BrowserApp.shared(),
  tearDown: async () => {},

  async run(app, { run, random, log, sabotage }) {
    const server = app.server;
    const { rowsBefore, saved } = beginRun(server);
    const context = await app.browser.newContext(phone);
    try {
      const page = await context.newPage();
      await signInThroughUi(page, app.baseUrl);
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');

      await context.setOffline(true);
      server.proxy.setNetworkDown(true);
      const count = random.int(10, 40);
      const records = await page.evaluate(([n, tag]) => window.hunianFaults!.saveInspections(n, tag), [count, `worker-stopped run ${run}`] as const);
      for (const r of records) saved.noteSaved('inspections', r.id, r.fields, 'the phone');
      if (sabotage) await dropSavedRecord(page, records.at(-1)!.id);
      // A slow link, so that a round lasts long enough to be stopped inside.
      const latency = random.int(80, 250);
      server.proxy.latencyMs = latency;
      server.proxy.setNetworkDown(false);
      await context.setOffline(false);

      const stops: string[] = [];
      const stopsWanted = random.int(1, 3);
      for (let s = 0; s < stopsWanted; s++) {
        // Wake the worker and start a round (a page message wakes a stopped worker).
        void page.evaluate(() => window.hunianFaults!.syncViaWorker()).catch(() => undefined);
        // Nothing left to push (an earlier round finished it): stop a pull instead.
        const moment = (await outboxCount(page)) > 0 ? random.weighted({ push: 2, pull: 2, any: 1 }) : random.weighted({ pull: 2, any: 1 });
        if (moment === 'any') await sleep(random.int(0, 3 * latency));
        else {
          const prefix = moment === 'push' ? '/api/sync/push' : '/api/sync/pull';
          const inFlight = await waitFor(() => server.proxy.requestsInFlight().some((r) => r.url.startsWith(prefix)), 3_000, 1);
          if (!inFlight) {
            stops.push(`no ${moment} came (outbox ${await outboxCount(page)})`);
            continue;
          }
          // Somewhere between the server's answer and the worker hearing it.
          await sleep(random.int(0, latency));
        }
        const onWire = server.proxy.requestsInFlight().map((r) => r.url.split('?')[0]);
        await cdp.send('ServiceWorker.stopAllWorkers');
        stops.push(`${moment}: stopped with [${onWire.join(', ')}] on the wire, outbox ${await outboxCount(page)}`);
        await sleep(random.int(0, 200));
      }

      server.proxy.latencyMs = 0;
      // The page wakes the worker; the outbox must drain with no further help.
      const failures: string[] = [];
      const drained = await waitFor(async () => {
        if ((await outboxCount(page)) === 0) return true;
        await page.evaluate(() => window.hunianFaults!.syncViaWorker(5_000));
        return (await outboxCount(page)) === 0;
      }, 30_000, 200);
      if (!drained) failures.push(`the outbox still holds ${await outboxCount(page)} entries 30 s after the worker was woken`);
      // One more round, so that the device has pulled its own writes back.
      await withHooks(page);
      await page.evaluate(() => window.hunianFaults!.syncViaWorker());

      const device = await deviceForChecks(page, 'the phone');
      const sqlite = server.openReader();
      try {
        const checked = await runChecks({ sqlite, baseUrl: server.baseUrl, devices: [device], ledger: server.proxy.ledger, saved, rowsBefore });
        checked.checks.push({ name: 'the woken worker finished the work', failures, countsAsLoss: false });
        const note = `${count} inspections, answers ${latency} ms late; ${stops.join('; ')}`;
        log(note);
        return { ...checked, writes: saved.writes, note };
      } finally {
        sqlite.close();
        device.db.close();
      }
    } finally {
      server.proxy.latencyMs = 0;
      await context.close();
    }
  },
};
