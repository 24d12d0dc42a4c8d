import { bootstrapLineSchema, type BootstrapLine, type RegionDigest } from '../schema';
import { SyncError } from './sync-status';

/** One `records` line of a bootstrap: records of one entity, not yet checked. */
export interface BootstrapBatch {
  entity: string;
  records: readonly unknown[];
}

/**
 * A bootstrap answer as it streams in (S25): the cursor and digests of its first line, then its
 * records a batch at a time. Iterating `batches` reads the network; it throws a SyncError when the
 * answer is cut off or malformed, so that a partial answer is never taken for a whole one.
 */
export interface BootstrapSnapshot {
  cursor: number;
  digests: readonly RegionDigest[];
  batches: AsyncIterable<BootstrapBatch>;
}

const cut = (why: string) => new SyncError('offline', `The bootstrap answer was cut off: ${why}`);
const malformed = (why: string) => new SyncError('server', `The server answered the bootstrap in an unexpected format: ${why}`);

/** The lines of an NDJSON body, each parsed at the boundary as a bootstrap line. */
async function* bootstrapLines(body: ReadableStream<Uint8Array>): AsyncGenerator<BootstrapLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // Text after the last newline, kept as chunks: a line of a thousand records spans many.
  let partial: string[] = [];
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw cut(error instanceof Error ? error.message : String(error));
      }
      if (chunk.done) break;
      // A character split between two chunks is completed by the next.
      let text = decoder.decode(chunk.value, { stream: true });
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n')) {
        partial.push(text.slice(0, newline));
        const json = partial.join('');
        partial = [];
        text = text.slice(newline + 1);
        let value: unknown;
        try {
          value = JSON.parse(json);
        } catch {
          throw malformed('a line is not JSON');
        }
        const line = bootstrapLineSchema.safeParse(value);
        if (!line.success) throw malformed(line.error.issues[0]?.message ?? 'a line has the wrong shape');
        yield line.data;
      }
      if (text) partial.push(text);
    }
    if (partial.some((text) => text.trim() !== '')) throw cut('the last line is incomplete');
  } finally {
    // A reader left early (an error while writing) stops the download.
    reader.cancel().catch(() => {});
  }
}

/** Reads the first line, and hands the records to whoever iterates `batches`, checking the end line's count. */
export async function readBootstrapStream(body: ReadableStream<Uint8Array>): Promise<BootstrapSnapshot> {
  const lines = bootstrapLines(body);
  const first = await lines.next();
  if (first.done) throw cut('the answer is empty');
  if (first.value.type !== 'begin') throw malformed('the first line is not a begin line');
  const { cursor, digests } = first.value;
  async function* batches(): AsyncGenerator<BootstrapBatch> {
    let count = 0;
    for await (const line of lines) {
      if (line.type === 'begin') throw malformed('a second begin line');
      if (line.type === 'end') {
        if (line.records !== count) throw malformed(`the end line counts ${line.records} records, the answer held ${count}`);
        return;
      }
      count += line.records.length;
      yield { entity: line.entity, records: line.records };
    }
    throw cut('no end line');
  }
  return { cursor, digests, batches: batches() };
}
