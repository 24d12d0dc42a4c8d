import { describe, expect, it } from 'vitest';
import type { BootstrapLine } from '../schema';
import { readBootstrapStream, type BootstrapBatch } from './bootstrap-snapshot';
import { SyncError } from './sync-status';

/** A body of these bytes, cut into chunks of `size` bytes (splitting lines and characters), perhaps failing at the end. */
function body(text: string, size: number, failAtEnd = false): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at < bytes.length) {
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      } else if (failAtEnd) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
}

const ndjson = (...lines: BootstrapLine[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');
const begin: BootstrapLine = { type: 'begin', cursor: 42, digests: [{ regionId: 'r1', count: 3, hash: '00000000000000ff' }] };
const units: BootstrapLine = { type: 'records', entity: 'units', records: [{ id: 'u1', code: 'Ä-1' }, { id: 'u2', code: 'Ö-2' }] };
const sites: BootstrapLine = { type: 'records', entity: 'sites', records: [{ id: 's1', name: 'Rusunawa Müara' }] };

async function readAll(stream: ReadableStream<Uint8Array>) {
  const snapshot = await readBootstrapStream(stream);
  const batches: BootstrapBatch[] = [];
  for await (const batch of snapshot.batches) batches.push(batch);
  return { cursor: snapshot.cursor, digests: snapshot.digests, batches };
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SyncError)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

describe('S25: reading a bootstrap answer as it streams', () => {
  it('S25: reads lines split anywhere across chunks, multi-byte characters included', async () => {
    const text = ndjson(begin, units, sites, { type: 'end', records: 3 });
    for (const size of [1, 3, 7, 64, text.length]) {
      expect(await readAll(body(text, size))).toEqual({
        cursor: 42,
        digests: begin.digests,
        batches: [
          { entity: 'units', records: units.records },
          { entity: 'sites', records: sites.records },
        ],
      });
    }
  });

  it('S25: an answer without its end line was cut off: offline, never taken as whole', async () => {
    const error = await failure(readAll(body(ndjson(begin, units, sites), 16)));
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/cut off/);
  });

  it('S25: an answer cut inside a line, or by a network error, or empty, is offline', async () => {
    const whole = ndjson(begin, units, { type: 'end', records: 2 });
    expect((await failure(readAll(body(whole.slice(0, -5), 16)))).kind).toBe('offline');
    expect((await failure(readAll(body(ndjson(begin, units), 16, true)))).kind).toBe('offline');
    expect((await failure(readAll(body('', 16)))).kind).toBe('offline');
  });

  it('S25: an end line whose count differs, a line that is not JSON, or a first line that is not begin, is a server fault', async () => {
    expect((await failure(readAll(body(ndjson(begin, units, { type: 'end', records: 5 }), 16)))).kind).toBe('server');
    expect((await failure(readAll(body(`${ndjson(begin)}{"type":"records",\n`, 16)))).kind).toBe('server');
    expect((await failure(readAll(body(ndjson(units, { type: 'end', records: 2 }), 16)))).kind).toBe('server');
    expect((await failure(readAll(body(ndjson(begin, { type: 'records', entity: 'units', records: 'none' } as never, { type: 'end', records: 0 }), 16)))).kind).toBe('server');
  });
});
