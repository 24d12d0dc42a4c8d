import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createTestServer } from '../test-support/test-server';
import { workerFile } from './push-thread';

// The push thread's code is bundled into node_modules/.cache/hunian, one file per version of the
// code (push-thread.ts, workerFile): other versions' files go after an hour, and the current one
// is written again if it has gone when a thread starts.

const cacheDir = path.join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'hunian');

it('removes the bundles of other versions once they are an hour old, keeps newer ones, and writes its own again if it has gone', async () => {
  fs.mkdirSync(cacheDir, { recursive: true });
  const stale = path.join(cacheDir, 'push-thread-00000000000000aa.mjs');
  const recent = path.join(cacheDir, 'push-thread-00000000000000bb.mjs');
  const other = path.join(cacheDir, 'apply-notes.txt');
  for (const file of [stale, recent, other]) fs.writeFileSync(file, '// not a push thread\n');
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
  fs.utimesSync(other, twoHoursAgo, twoHoursAgo);
  try {
    const first = await createTestServer({ pushThread: true });
    await first.close();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
    const own = workerFile();
    expect(path.dirname(own)).toBe(cacheDir);
    expect(fs.existsSync(own)).toBe(true);

    // Its own file gone (removed by another process, or by hand): the next thread writes it again.
    fs.rmSync(own);
    const second = await createTestServer({ pushThread: true });
    try {
      expect(fs.existsSync(own)).toBe(true);
    } finally {
      await second.close();
    }
  } finally {
    for (const file of [stale, recent, other]) fs.rmSync(file, { force: true });
  }
});
