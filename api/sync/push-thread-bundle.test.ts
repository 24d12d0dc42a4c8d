import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { bundleFile, removeStaleBundles } from './push-thread';

// The push thread's bundle (push-thread.ts): one file per version of the code, in a cache
// directory shared by every process of the checkout; here a directory of the test's own.

const hourAndMore = () => new Date(Date.now() - 61 * 60 * 1000);

it('writes the bundle if it is not there, and touches it when a thread starts from it', () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-bundles-')), 'cache');
  const file = bundleFile(dir, 'export {};\n');
  expect(path.basename(file)).toMatch(/^push-thread-[0-9a-f]{16}\.mjs$/);
  expect(fs.readFileSync(file, 'utf8')).toBe('export {};\n');
  fs.utimesSync(file, hourAndMore(), hourAndMore());
  expect(bundleFile(dir, 'export {};\n')).toBe(file);
  expect(Date.now() - fs.statSync(file).mtimeMs).toBeLessThan(60_000);
  // Removed meanwhile (by another process's pruning): written again.
  fs.rmSync(file);
  expect(fs.readFileSync(bundleFile(dir, 'export {};\n'), 'utf8')).toBe('export {};\n');
});

it('removes other versions and half-written files unused for an hour, and nothing else', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-bundles-'));
  const names = {
    current: 'push-thread-00000000000000aa.mjs',
    stale: 'push-thread-00000000000000bb.mjs',
    recent: 'push-thread-00000000000000cc.mjs',
    halfWritten: 'push-thread-00000000000000dd.mjs.4242.tmp',
    other: 'apply-bench.mjs',
  };
  for (const name of Object.values(names)) fs.writeFileSync(path.join(dir, name), '');
  for (const name of [names.current, names.stale, names.halfWritten, names.other]) fs.utimesSync(path.join(dir, name), hourAndMore(), hourAndMore());
  removeStaleBundles(dir, names.current);
  expect(fs.readdirSync(dir).sort()).toEqual([names.other, names.current, names.recent].sort());
});
