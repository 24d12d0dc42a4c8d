import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession } from '@playwright/test';
import { officer, startHunianRun, waitForStoredUnits } from './hunian-browser-run';

/**
 * Where the time of a bootstrap goes: the bootstrap-region benchmark's run (sign-in, first sync
 * of a region of `units` units) with Chromium's CPU profiler on the service worker and on the
 * page. Prints the functions with the most self time and the inclusive time of the engine's
 * steps, and writes both .cpuprofile files (open them in Chrome's DevTools, Performance tab).
 *
 *   npx tsx bench/profile-bootstrap.ts [units=50000]
 *   npx tsx bench/profile-bootstrap.ts some.cpuprofile   (summarises a saved profile again)
 */
const argument = process.argv[2];
const units = Number(argument?.endsWith('.cpuprofile') ? 0 : (argument ?? 50_000));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** A CDP session to the service worker, through the browser session (Playwright has none for workers). */
async function serviceWorkerSession(browserSession: CDPSession) {
  const { targetInfos } = (await browserSession.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker');
  if (!worker) throw new Error(`No service worker target among ${targetInfos.map((t) => t.type).join(', ')}`);
  const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  browserSession.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.error ? Promise.reject(new Error(JSON.stringify(message.error))) : message.result);
  });
  return {
    send(method: string, params: Record<string, unknown> = {}): Promise<any> {
      const id = nextId++;
      const answer = new Promise((resolve) => waiting.set(id, resolve));
      void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answer;
    },
  };
}

function summarise(name: string, profile: CpuProfile, wallMs: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url ? path.basename(n.callFrame.url.split('?')[0]!) : '';
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!)!;
    const own = label(node);
    self.set(own, (self.get(own) ?? 0) + ms);
    if (node.callFrame.functionName !== '(idle)' && node.callFrame.functionName !== '(program)') total += ms;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([l, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${l}`)
      .join('\n');
  console.log(`\n=== ${name}: wall ${wallMs.toFixed(0)} ms, busy (not idle/program) ${total.toFixed(0)} ms ===`);
  console.log('self time:\n' + top(self, 30));
  // When the thread was busy, in windows of half a second, and on what.
  const windowMs = 500;
  const windows: { busy: number; by: Map<string, number> }[] = [];
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const w = (windows[Math.floor(at / windowMs)] ??= { busy: 0, by: new Map() });
    w.busy += ms;
    const l = label(node);
    w.by.set(l, (w.by.get(l) ?? 0) + ms);
  }
  console.log('timeline (busy ms per 500 ms, top self):');
  for (const [i, w] of windows.entries()) {
    if (!w) continue;
    const tops = [...w.by].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([l, ms]) => `${l} ${ms.toFixed(0)}`).join(', ');
    console.log(`  ${String(i * windowMs).padStart(6)} ms  ${w.busy.toFixed(0).padStart(4)}  ${tops}`);
  }
  console.log('inclusive time:\n' + top(inclusive, 45));
}

if (argument?.endsWith('.cpuprofile')) {
  const profile = JSON.parse(fs.readFileSync(argument, 'utf8')) as CpuProfile;
  summarise(path.basename(argument), profile, (profile.endTime - profile.startTime) / 1000);
  process.exit(0);
}

const serverProfiles = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-server-profile-'));
const run = await startHunianRun({ units, minify: false, serverNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${serverProfiles}`] });
try {
  const context = await run.browser.newContext({ baseURL: run.baseUrl });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.text().startsWith('[bootstrap]')) console.log(m.text());
  });
  await page.goto('/');
  // As in the benchmark, the first visit signs in before a service worker controls the page, so
  // the page runs the first round itself: profile the page alone. HUNIAN_PROFILE_WORKER=1 waits
  // for the worker and profiles it too.
  const profileWorker = Boolean(process.env.HUNIAN_PROFILE_WORKER);
  const pageSession = await context.newCDPSession(page);
  const sessions: [string, { send(method: string, params?: Record<string, unknown>): Promise<any> }][] = [['page', pageSession]];
  if (profileWorker) {
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
    sessions.unshift(['service-worker', await serviceWorkerSession(await run.browser.newBrowserCDPSession())]);
  }
  for (const [, session] of sessions) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
  }
  await page.getByLabel('Nama pengguna').fill(officer.username);
  await page.getByLabel('Kata sandi').fill(officer.password);
  const started = Date.now();
  const at = () => `${String(Date.now() - started).padStart(6)} ms`;
  context.on('request', (r) => {
    if (r.url().includes('/api/')) console.log(`${at()}  request  ${r.method()} ${r.url().replace(run.baseUrl, '')}`);
  });
  context.on('response', (r) => {
    if (r.url().includes('/api/')) console.log(`${at()}  response ${r.status()} ${r.url().replace(run.baseUrl, '')}`);
  });
  context.on('requestfinished', (r) => {
    if (r.url().includes('/api/')) console.log(`${at()}  finished ${r.url().replace(run.baseUrl, '')}`);
  });
  await page.getByRole('button', { name: 'Masuk' }).click();
  await waitForStoredUnits(page, run, units, started + 300_000);
  const wallMs = Date.now() - started;
  console.log(`${units} units stored ${wallMs} ms after the click: ${(units / (wallMs / 1000)).toFixed(0)} records/s`);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-profile-'));
  for (const [name, session] of sessions) {
    const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
    fs.writeFileSync(path.join(out, `${name}.cpuprofile`), JSON.stringify(profile));
    summarise(name, profile, wallMs);
  }
  console.log(`\nprofiles in ${out}`);
  await context.close();
} finally {
  await run.stop();
}
// The server's profile (the largest file, should a child process write one too).
await new Promise((r) => setTimeout(r, 1000));
const largest = fs
  .readdirSync(serverProfiles)
  .map((f) => path.join(serverProfiles, f))
  .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
if (largest) {
  const profile = JSON.parse(fs.readFileSync(largest, 'utf8')) as CpuProfile;
  summarise(`server ${largest}`, profile, (profile.endTime - profile.startTime) / 1000);
}
