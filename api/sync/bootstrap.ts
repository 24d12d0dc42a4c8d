import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { PROTOCOL_VERSION, SCHEMA_VERSION, syncedEntities, type BootstrapLine, type RegionDigest, type SessionUser } from '../../schema';
import type { Storage } from '../storage/storage';
import { readableRegionIds } from './region-access';

/** Records per `records` line: big enough that a line costs little, small enough to write while the rest arrives. */
export const bootstrapBatchSize = 1000;

/**
 * The ETag of a bootstrap: the readable regions' digests and the formats. A region's digest
 * changes with every write to it (S17), so an equal tag means the same records, whatever the
 * cursor the answer names; a device that pulls the log from an older cursor of the same records
 * gets nothing it does not hold.
 */
export function bootstrapEtag(digests: readonly RegionDigest[]): string {
  const named = [...digests].sort((a, b) => a.regionId.localeCompare(b.regionId)).map((d) => `${d.regionId}:${d.count}:${d.hash}`);
  const hash = createHash('sha256').update(`p${PROTOCOL_VERSION}s${SCHEMA_VERSION}|${named.join('|')}`).digest('base64url').slice(0, 22);
  return `"b-${hash}"`;
}

/** Whether an If-None-Match header names the tag (weak or strong, in a list, or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export type BootstrapAnswer =
  | { notModified: true; etag: string }
  /** `lines`: the NDJSON body, ended once every record is in it, destroyed if the read fails midway. */
  | { notModified: false; etag: string; lines: Readable };

const line = (value: BootstrapLine) => `${JSON.stringify(value)}\n`;

/** A turn of the event loop, so that the answer streams (and compresses) while the rest is read. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every live record of every region the user may read, as of one change-log seq, read in one
 * snapshot with the regions' digests (S25, S6, S17). Resolves once the ETag is known; the records
 * follow on `lines` a page at a time as they are read, so that the device starts writing before
 * the server has read them all. The read transaction stays open until the last page is read (not
 * until the device has them all): the pages go into the stream at once, whatever its pace.
 */
export async function startBootstrap(storage: Storage, user: SessionUser, ifNoneMatch?: string, pageSize = bootstrapBatchSize): Promise<BootstrapAnswer> {
  const lines = new PassThrough();
  let answer!: (value: BootstrapAnswer) => void;
  const answered = new Promise<BootstrapAnswer>((resolve) => (answer = resolve));
  let streaming = false;
  const reading = storage.read(async (reader) => {
    const regions = [...(await readableRegionIds(reader, user))].sort();
    const digests = await reader.regionDigests(regions);
    const etag = bootstrapEtag(digests);
    if (etagMatches(ifNoneMatch, etag)) return answer({ notModified: true, etag });
    const cursor = await reader.newestSeq();
    streaming = true;
    answer({ notModified: false, etag, lines });
    lines.write(line({ type: 'begin', cursor, digests }));
    let count = 0;
    for (const entity of syncedEntities) {
      for (const regionId of regions) {
        for (let after: number | null = null; ; ) {
          // A device that went away stops the read.
          if (lines.destroyed) return;
          const page = await reader.liveRecordsPage(entity.name, regionId, after, pageSize);
          if (page.records.length > 0) lines.write(line({ type: 'records', entity: entity.name, records: page.records }));
          count += page.records.length;
          if (page.next === null) break;
          after = page.next;
          await turn();
        }
      }
    }
    lines.write(line({ type: 'end', records: count }));
  });
  reading.then(
    () => lines.end(),
    // Without its end line the device takes the answer as cut off, and asks again (S25).
    (error: unknown) => streaming && lines.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return Promise.race([answered, reading.then(() => answered)]);
}
