import { createHash } from 'node:crypto';
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

export type Bootstrap =
  | { notModified: true; etag: string }
  | {
      notModified: false;
      etag: string;
      cursor: number;
      digests: RegionDigest[];
      /** Per synced entity, its live records in every readable region. */
      entities: { entity: string; records: Record<string, unknown>[] }[];
    };

/**
 * Every live record of every region the user may read, as of one change-log seq, read in one
 * snapshot with the regions' digests (S25, S6, S17). The records are read whole before the answer
 * streams, so that the read transaction (one connection, shared by every pull) ends at once.
 */
export async function readBootstrap(storage: Storage, user: SessionUser, ifNoneMatch?: string): Promise<Bootstrap> {
  return storage.read(async (reader) => {
    const regions = [...(await readableRegionIds(reader, user))].sort();
    const digests = await reader.regionDigests(regions);
    const etag = bootstrapEtag(digests);
    if (etagMatches(ifNoneMatch, etag)) return { notModified: true, etag };
    const cursor = await reader.newestSeq();
    const entities: { entity: string; records: Record<string, unknown>[] }[] = [];
    for (const entity of syncedEntities) {
      const records: Record<string, unknown>[] = [];
      for (const regionId of regions) {
        for (const record of await reader.liveRecords(entity.name, regionId)) records.push(record);
      }
      if (records.length > 0) entities.push({ entity: entity.name, records });
    }
    return { notModified: false, etag, cursor, digests, entities };
  });
}

const line = (value: BootstrapLine) => `${JSON.stringify(value)}\n`;

/** The NDJSON lines of a bootstrap answer, each made only when the stream asks for it. */
export function* bootstrapLines(bootstrap: Extract<Bootstrap, { notModified: false }>): Generator<string> {
  yield line({ type: 'begin', cursor: bootstrap.cursor, digests: bootstrap.digests });
  let count = 0;
  for (const { entity, records } of bootstrap.entities) {
    for (let start = 0; start < records.length; start += bootstrapBatchSize) {
      const batch = records.slice(start, start + bootstrapBatchSize);
      count += batch.length;
      yield line({ type: 'records', entity, records: batch });
    }
  }
  yield line({ type: 'end', records: count });
}
