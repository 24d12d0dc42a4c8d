import { PushLedger } from '../../worker/fuzz/push-ledger';
import { syncOnce } from '../../worker/sync-engine';
import type { FaultScenario } from '../fault-scenario';
import { FieldWork, nodeDevice, syncUntilQuiet } from '../node-device';
import { runChecks, syncedTableNames } from '../run-checks';
import { ServerUnderTest } from '../server-under-test';
import { rowVersions, SavedWrites } from '../user-writes';

/**
 * The network cut in the middle of a pull page: a device downloading its regions page by page
 * loses the connection after a random number of bytes of a random page (headers, body, or the
 * prefetched next page). The round fails; the next one must start from the cursor of the last
 * page the device received whole and applied, neither from 0 (a re-download) nor past the cut
 * page (a gap), and everything must arrive in the end.
 */
export const pullCut: FaultScenario<ServerUnderTest> = {
  id: 'pull-cut',
  title: 'network cut in the middle of a pull page',
  setUp: () => ServerUnderTest.shared(),
  tearDown: async () => {},

  async run(server, { seed, random, log, sabotage }) {
    server.proxy.ledger = new PushLedger();
    const before = server.openReader();
    const rowsBefore = rowVersions(before, syncedTableNames);
    before.close();
    const saved = new SavedWrites();

    // The office adds work first, so that the officer's download has fresh changes in it too.
    const office = await nodeDevice(0, seed, server.baseUrl, { username: 'kantor', password: 'kantor123' });
    await syncOnce(office.store, office.transport);
    const officeWork = new FieldWork(office, saved, random);
    for (let i = random.int(5, 20); i > 0; i--) await officeWork.step();
    await syncOnce(office.store, office.transport);

    // A new phone signs in and downloads its regions in small pages; one of its first pulls is cut.
    const phone = await nodeDevice(1, seed, server.baseUrl, { username: 'petugas', password: 'petugas123' });
    const pullPageSize = random.int(5, 30);
    const cutAt = random.int(1, 6);
    const atFraction = random.next();
    let pulls = 0;
    const cut = server.proxy.arm({
      matches: (method, url) => method === 'GET' && url.startsWith('/api/sync/pull') && ++pulls === cutAt,
      direction: 'response',
      atFraction,
    });
    const logStart = server.proxy.log.length;
    const first = await syncOnce(phone.store, phone.transport, { pullPageSize });
    server.proxy.disarm();
    const failures: string[] = [];
    const report = pulls >= cutAt ? await cut : undefined;
    if (!report) failures.push(`the download ended after ${pulls} pulls, before pull ${cutAt} could be cut`);
    if (report && first.ok) failures.push(`the round whose pull was cut at byte ${report.atByte} of ${report.ofBytes} reported success`);
    const stoppedAt = await phone.store.cursor();
    const cutFrom = report?.request.pullFrom ?? -1;
    // The page before the cut arrived whole and was applied before the round noticed the cut.
    if (report && stoppedAt !== cutFrom) failures.push(`after the cut the device holds cursor ${stoppedAt}; the cut page was asked from ${cutFrom}`);

    if (sabotage) {
      // A broken engine that moves its cursor past a page it never applied.
      const sqlite = server.openReader();
      const newest = (sqlite.prepare('select max(seq) seq from change_log').all()[0] as { seq: number }).seq;
      sqlite.close();
      await phone.db.setMeta('cursor', newest);
    }

    // Meanwhile the office keeps working; then the officer's phone finds signal again.
    for (let i = random.int(0, 5); i > 0; i--) await officeWork.step();
    await syncOnce(office.store, office.transport);
    const resumeLog = server.proxy.log.length;
    await syncOnce(phone.store, phone.transport, { pullPageSize });
    const resumedFrom = server.proxy.log.slice(resumeLog).find((r) => r.pullFrom !== undefined)?.pullFrom;
    if (report && resumedFrom !== cutFrom) failures.push(`the next round pulled from cursor ${resumedFrom}, not from ${cutFrom} where the cut page began`);
    const pagesBefore = server.proxy.log.slice(logStart, resumeLog).filter((r) => r.pullFrom !== undefined);
    const refetched = server.proxy.log.slice(resumeLog).filter((r) => r.pullFrom !== undefined && r.pullFrom < cutFrom).length;
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
        serverRestarted: false,
        unexplainedRedownloads: redownloads,
      });
      checked.checks.push({ name: 'sync resumed from where it stopped', failures, countsAsLoss: false });
      checked.checks.push({ name: 'every device synced to quiet after the cut', failures: stuck, countsAsLoss: false });
      const note = report
        ? `pull ${cutAt} (from cursor ${cutFrom}, pages of ${pullPageSize}) cut at byte ${report.atByte} of ${report.ofBytes}; ${pagesBefore.length} pulls in the cut round; resumed from ${resumedFrom}; ${checked.keptInConflicts} records' last values in a conflict record`
        : `no cut (${pulls} pulls)`;
      log(note);
      return { ...checked, writes: saved.writes, note };
    } finally {
      sqlite.close();
      office.db.close();
      phone.db.close();
    }
  },
};
