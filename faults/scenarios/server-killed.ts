import type { SimDevice } from '../../worker/fuzz/sim-device';
import { syncOnce } from '../../worker/sync-engine';
import { type FaultScenario, sleep, waitFor } from '../fault-scenario';
import { FieldWork, nodeDevice, syncUntilQuiet } from '../node-device';
import { beginRun, runChecks } from '../run-checks';
import { ServerUnderTest } from '../server-under-test';
import { sabotageDropAcknowledgedWrite } from './sabotage';

const deviceCount = 3;

/**
 * The server process killed with SIGKILL at random moments while several devices push, then
 * started again on the same file (which compacts its change log, S21). Each device has a user
 * saving inspections and a sync loop running at once, as the app's form and its service worker
 * would. No acknowledged write may be lost, none applied twice.
 */
export const serverKilled: FaultScenario<ServerUnderTest> = {
  id: 'server-killed',
  title: 'server process killed (SIGKILL) during pushes, then restarted',
  setUp: () => ServerUnderTest.start(),
  tearDown: (server) => server.stop(),

  async run(server, { seed, random, log, sabotage }) {
    const { rowsBefore, saved } = beginRun(server);
    const devices: SimDevice[] = [];
    for (let i = 0; i < deviceCount; i++) devices.push(await nodeDevice(i, seed, server.baseUrl));
    for (const device of devices) await syncOnce(device.store, device.transport);
    const work = devices.map((device) => new FieldWork(device, saved, random));

    let running = true;
    const pushesAtKill: number[] = [];
    // Per device: a user who saves every few tens of ms, and sync rounds back to back, both at once.
    const loops = work.flatMap((w) => [
      (async () => {
        while (running) {
          await w.step();
          await sleep(random.int(5, 60));
        }
      })(),
      (async () => {
        while (running) {
          await syncOnce(w.device.store, w.device.transport, { pushBatchSize: random.int(1, 8), pullPageSize: 200 });
          await sleep(random.int(0, 20));
        }
      })(),
    ]);

    const kills = random.int(1, 3);
    for (let k = 0; k < kills; k++) {
      await sleep(random.int(100, 600));
      // Mostly while a push is being handled: before its commit, between commit and answer, or
      // as the answer leaves; sometimes at any moment at all.
      if (random.chance(0.75)) {
        await waitFor(() => server.proxy.requestsInFlight().some((r) => r.url.startsWith('/api/sync/push')), 5_000, 1);
        await sleep(random.int(0, 12));
      }
      pushesAtKill.push(server.proxy.requestsInFlight().filter((r) => r.url.startsWith('/api/sync/push')).length);
      await server.kill();
      // Devices keep working (and failing to sync) while the server is down.
      await sleep(random.int(0, 300));
      await server.restart();
    }
    await sleep(random.int(100, 400));
    running = false;
    await Promise.all(loops);

    const { stuck, redownloads } = await syncUntilQuiet(devices, { pushBatchSize: 100, pullPageSize: 500 });
    const sqlite = server.openReader();
    try {
      if (sabotage) sabotageDropAcknowledgedWrite(server.dbPath, server.proxy.ledger);
      const checked = await runChecks({
        sqlite,
        baseUrl: server.baseUrl,
        devices,
        ledger: server.proxy.ledger,
        saved,
        rowsBefore,
        
        unexplainedRedownloads: redownloads,
      });
      checked.checks.push({ name: 'every device synced to quiet after the restart', failures: stuck, countsAsLoss: false });
      const note = `${kills} kills, with ${pushesAtKill.join(', ')} pushes in flight; ${server.proxy.ledger.answers.size} mutations answered; ${checked.keptInConflicts} records' last values in a conflict record (${checked.ofNewRecords} of new records)`;
      log(note);
      return { ...checked, writes: saved.writes, note };
    } finally {
      sqlite.close();
      for (const device of devices) device.db.close();
    }
  },
};
