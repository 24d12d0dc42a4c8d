import { parentPort, workerData } from 'node:worker_threads';
import type { PushRequest, SessionUser } from '../../schema';
import { HttpError } from '../http/http-error';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage';
import { WriterTurns } from '../storage/sqlite/writer-turns';
import { StorageUnavailable } from '../storage/storage';
import { applyPush } from './push';
import type { PushThreadAnswer, PushThreadData, PushThreadFailure } from './push-thread';

/** The push thread (push-thread.ts): applies pushes on a write connection of its own. */
const port = parentPort!;
const { dbPath, turnsBuffer, maxGroupSize, maxGroupMs } = workerData as PushThreadData;

function failure(error: unknown): PushThreadFailure {
  if (error instanceof HttpError) return { kind: 'http', status: error.status, code: error.code, message: error.message, details: error.details };
  if (error instanceof StorageUnavailable) return { kind: 'unavailable', message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  return { kind: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

let storage: ReturnType<typeof openSqliteStorage>;
try {
  storage = openSqliteStorage(dbPath, { writerTurns: { turns: new WriterTurns(turnsBuffer), side: 'pushes' }, migrate: false, maxGroupSize, maxGroupMs });
  port.postMessage({ ready: true } satisfies PushThreadAnswer);
} catch (error) {
  port.postMessage({ ready: false, failure: failure(error) } satisfies PushThreadAnswer);
  port.close();
}

port.on('message', (message: { id: number; user: SessionUser; request: PushRequest; prevalidated: (Record<string, unknown> | null | undefined)[] } | 'close') => {
  if (message === 'close') {
    storage.close();
    port.close();
    return;
  }
  const { id, user, request, prevalidated } = message;
  applyPush(storage, user, request, new Date(), prevalidated).then(
    (response) => port.postMessage({ id, response } satisfies PushThreadAnswer),
    (error: unknown) => port.postMessage({ id, failure: failure(error) } satisfies PushThreadAnswer),
  );
});
