import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { BrowserApp, deviceForChecks, dropSavedRecord, outboxCount, signInThroughUi, withHooks } from '../browser/browser-app';
import { type FaultScenario, sleep, waitFor } from '../fault-scenario';
import { beginRun, runChecks } from '../run-checks';

/** The browser's own process (not a renderer or helper) of a profile: the one to kill. */
function browserPid(userDataDir: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.some((a) => a === `--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  return undefined;
}

/**
 * The browser closed with a full outbox, then opened again offline, then online. An officer saves
 * inspections with no signal; at a random moment (after some saves, or in the middle of one) the
 * browser goes away, either closed or killed outright (SIGKILL, as Android does to a background
 * app); it is opened again with no network, where every saved record must still be there and
 * waiting; then the network comes back and everything must reach the server by itself.
 */
export const browserClosed: FaultScenario<BrowserApp> = {
  id: 'browser-closed',
  title: 'browser closed with a full outbox, reopened offline, then online',
  setUp: () => BrowserApp.shared(),
  tearDown: async () => {},

  async run(app, { run, random, log, sabotage }) {
    const server = app.server;
    const { rowsBefore, saved } = beginRun(server);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-faults-profile-'));
    let context: BrowserContext | undefined;
    try {
      context = await app.launchPersistent(profile);
      // Every save the page confirms is heard here at once: what the user was told was saved.
      await context.exposeBinding('faultSaved', (_source, record: { id: string; fields: Record<string, unknown> }) => {
        saved.noteSaved('inspections', record.id, record.fields, 'the phone');
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await signInThroughUi(page, app.baseUrl);
      await context.setOffline(true);
      server.proxy.setNetworkDown(true);

      const count = random.int(10, 40);
      const closeAfter = random.int(Math.ceil(count / 2), count);
      const how = random.weighted({ close: 1, kill: 2 });
      const saving = page
        .evaluate(([n, tag]) => window.hunianFaults!.saveInspections(n, tag, 5), [count, `browser-closed run ${run}`] as const)
        .catch(() => undefined);
      await waitFor(() => saved.writes >= closeAfter, 30_000, 1);
      // Sometimes in the middle of the next save, sometimes just after one.
      await sleep(random.int(0, 8));
      const heardAtClose = saved.writes;
      if (how === 'close') await context.close();
      else {
        const pid = browserPid(profile);
        if (pid === undefined) throw new Error('the browser process was not found');
        process.kill(pid, 'SIGKILL');
        await context.close().catch(() => undefined);
      }
      await saving;
      context = undefined;

      // Opened again with no network: the app starts from the service worker, the work is there.
      context = await app.launchPersistent(profile, { offline: true });
      const reopened = context.pages()[0] ?? (await context.newPage());
      const start = await reopened.goto(app.baseUrl);
      const failures: string[] = [];
      if (!start?.fromServiceWorker()) failures.push('offline, the app did not start from the service worker');
      await withHooks(reopened);
      const waiting = await outboxCount(reopened);
      // A save can complete in IndexedDB just before the kill, with its confirmation lost on the
      // way to this process: it was saved all the same, and must reach the server like the rest.
      const heard = [...saved.records.keys()];
      const pending = await reopened.evaluate(() => window.hunianFaults!.pendingCreates());
      for (const entry of pending) {
        if (!saved.records.has(`${entry.entity}/${entry.id}`)) saved.noteSaved(entry.entity, entry.id, entry.fields, 'the phone (confirmation lost in the kill)');
      }
      const waitingIds = new Set(pending.map((e) => `${e.entity}/${e.id}`));
      const missing = heard.filter((key) => !waitingIds.has(key));
      if (missing.length > 0) failures.push(`reopened offline: ${missing.length} of ${heard.length} saved records are not waiting to be sent: ${missing.slice(0, 5).join(', ')}`);
      const shown = await reopened.getByTestId('pending-count').textContent({ timeout: 10_000 }).catch(() => null);
      if (shown !== String(waiting)) failures.push(`reopened offline: the app shows ${shown} waiting, the outbox holds ${waiting}`);

      // Self-test: a browser that lost the last saved record on the way down.
      if (sabotage) await dropSavedRecord(reopened, [...saved.records.values()].at(-1)!.id);

      // Online again: nobody presses anything, the app sends the work by itself.
      server.proxy.setNetworkDown(false);
      await context.setOffline(false);
      const drained = await waitFor(async () => (await outboxCount(reopened)) === 0, 30_000, 200);
      if (!drained) failures.push(`online again: ${await outboxCount(reopened)} changes still waiting after 30 s`);
      await reopened.evaluate(() => window.hunianFaults!.syncViaWorker());

      const device = await deviceForChecks(reopened, 'the phone');
      const sqlite = server.openReader();
      try {
        const checked = await runChecks({ sqlite, baseUrl: server.baseUrl, devices: [device], ledger: server.proxy.ledger, saved, rowsBefore });
        checked.checks.push({ name: 'reopened offline with the work waiting, sent by itself once online', failures, countsAsLoss: false });
        const note = `${how === 'kill' ? 'killed' : 'closed'} after ${heardAtClose} of ${count} saves; ${waiting} waiting when reopened`;
        log(note);
        return { ...checked, writes: saved.writes, note };
      } finally {
        sqlite.close();
        device.db.close();
      }
    } finally {
      await context?.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    }
  },
};
