import { syncOnce } from '../../worker/sync-engine';
import type { FaultScenario } from '../fault-scenario';
import { FieldWork, nodeDevice, syncUntilQuiet } from '../node-device';
import { beginRun, runChecks } from '../run-checks';
import { ServerUnderTest } from '../server-under-test';

/**
 * The network cut in the middle of a pull page: a phone pulling the office's new work page by
 * page loses the connection after a random number of bytes of a random page (before the status
 * line, in the body, or in the prefetched next page). The round fails; the next one must start
 * from the cursor of the last page the phone received whole and applied, neither earlier (a
 * re-download) nor later (a gap). One run in four cuts a new phone's first download instead, the
 * bootstrap snapshot (S25), which must start over. Everything must arrive in the end.
 */
export const pullCut: FaultScenario<ServerUnderTest> = {
  id: 'pull-cut',
  title: 'network cut in the middle of a pull page',
  setUp: () => ServerUnderTest.shared(),
  tearDown: async () => {},

  async run(server, { seed, random, log, sabotage }) {
    const { rowsBefore, saved } = beginRun(server);

    const office = await nodeDevice(0, seed, server.baseUrl, { username: 'kantor', password: 'kantor123' });
    await syncOnce(office.store, office.transport);
    const phone = await nodeDevice(1, seed, server.baseUrl, { username: 'petugas', password: 'petugas123' });
    const failures: string[] = [];
    const pullPageSize = random.int(3, 8);
    // A new phone's first download is one snapshot (S25), which a cut makes start over; after
    // that, pages of the log, where the phone must go on from the last page it applied.
    const what = random.weighted({ page: 3, bootstrap: 1 });
    const atFraction = random.next();
    let cutAt = 1;
    let requests = 0;
    if (what === 'page') {
      await syncOnce(phone.store, phone.transport);
      // The office records work in the officer's region, so that the phone has pages to pull.
      const officeWork = new FieldWork(office, saved, random, new Set(phone.session.user.regionIds));
      for (let i = random.int(15, 40); i > 0; i--) await officeWork.step();
      await syncOnce(office.store, office.transport);
      // Not every step of the office's work lands in her region: cut a page the round will ask for.
      const waiting = (await phone.transport.pull(phone.session.token, await phone.store.cursor(), 1000)).changes.length;
      cutAt = random.int(1, Math.min(4, Math.max(1, Math.ceil(waiting / pullPageSize))));
    }
    const isTarget = what === 'page' ? (url: string) => url.startsWith('/api/sync/pull') : (url: string) => url.startsWith('/api/sync/bootstrap');
    const cut = server.proxy.arm({ matches: (method, url) => method === 'GET' && isTarget(url) && ++requests === cutAt, direction: 'response', atFraction, streamedBytes: 60_000 });
    const logStart = server.proxy.log.length;
    const cursorBefore = await phone.store.cursor();
    const first = await syncOnce(phone.store, phone.transport, { pullPageSize });
    server.proxy.disarm();
    const report = requests >= cutAt ? await cut : undefined;
    if (!report) failures.push(`the download ended after ${requests} ${what} requests, before number ${cutAt} could be cut`);
    if (report && first.ok) failures.push(`the round whose ${what} was cut at byte ${report.atByte} of ${report.ofBytes} reported success`);
    const stoppedAt = await phone.store.cursor();
    // A page: the one before the cut arrived whole and was applied before the round noticed.
    // The snapshot: nothing of a cut one is kept, the phone starts over.
    const expectedFrom = what === 'page' ? (report?.request.pullFrom ?? -1) : 0;
    if (report && stoppedAt !== expectedFrom) failures.push(`after the cut the device holds cursor ${stoppedAt}; it should hold ${expectedFrom} (cursor before the round ${cursorBefore})`);

    if (sabotage) {
      // A broken engine that moves its cursor past a page it never applied.
      const sqlite = server.openReader();
      const newest = (sqlite.prepare('select max(seq) seq from change_log').all()[0] as { seq: number }).seq;
      sqlite.close();
      await phone.db.setMeta('cursor', newest);
    }

    // Meanwhile the office keeps working; then the officer's phone finds signal again.
    const more = new FieldWork(office, saved, random, new Set(phone.session.user.regionIds));
    for (let i = random.int(0, 5); i > 0; i--) await more.step();
    await syncOnce(office.store, office.transport);
    const resumeLog = server.proxy.log.length;
    await syncOnce(phone.store, phone.transport, { pullPageSize });
    const resumed = server.proxy.log.slice(resumeLog).find((r) => r.pullFrom !== undefined || r.url.startsWith('/api/sync/bootstrap'));
    const resumedFrom = resumed?.url.startsWith('/api/sync/bootstrap') ? 'the snapshot' : resumed?.pullFrom;
    if (report && what === 'page' && resumedFrom !== expectedFrom) failures.push(`the next round pulled from ${resumedFrom}, not from ${expectedFrom} where the cut page began`);
    if (report && what === 'bootstrap' && resumedFrom !== 'the snapshot') failures.push(`after a cut snapshot the next round pulled from ${resumedFrom} instead of loading the snapshot again`);
    const requestsInCutRound = server.proxy.log.slice(logStart, resumeLog).length;
    const refetched = server.proxy.log.slice(resumeLog).filter((r) => r.pullFrom !== undefined && what === 'page' && r.pullFrom < expectedFrom).length;
    if (refetched > 0) failures.push(`${refetched} pages before the cut were downloaded again`);

    const { stuck, redownloads } = await syncUntilQuiet([office, phone], { pullPageSize: 500 });
    const sqlite = server.openReader();
    try {
      const checked = await runChecks({
        sqlite,
        baseUrl: server.baseUrl,
        devices: [office, phone],
        ledger: server.proxy.ledger,
        saved,
        rowsBefore,
        
        unexplainedRedownloads: redownloads,
      });
      checked.checks.push({ name: 'sync resumed from where it stopped', failures, countsAsLoss: false });
      checked.checks.push({ name: 'every device synced to quiet after the cut', failures: stuck, countsAsLoss: false });
      const note = report
        ? `${what === 'page' ? `pull ${cutAt} (from cursor ${expectedFrom}, pages of ${pullPageSize})` : 'the snapshot'} cut at byte ${report.atByte}${Number.isFinite(report.ofBytes) ? ` of ${report.ofBytes}` : ''}; ${requestsInCutRound} requests in the cut round; resumed from ${resumedFrom}`
        : `no cut (${requests} ${what} requests)`;
      log(note);
      return { ...checked, writes: saved.writes, note };
    } finally {
      sqlite.close();
      office.db.close();
      phone.db.close();
    }
  },
};
