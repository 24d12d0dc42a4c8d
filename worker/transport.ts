import type { z } from 'zod';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  snapshotResponseSchema,
  versionHeaders,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SnapshotResponse,
} from '../schema';
import { SyncError } from './sync-status';

/** How the engine talks to the server. The engine never calls fetch itself. */
export interface Transport {
  push(token: string, request: PushRequest): Promise<PushResponse>;
  pull(token: string, cursor: number, limit: number): Promise<PullResponse>;
  snapshot(token: string, regionId: string): Promise<SnapshotResponse>;
  /** Sends an attachment's bytes under their SHA-256 (S23); sending them again is harmless. */
  uploadAttachment(token: string, sha256: string, blob: Blob, mimeType: string): Promise<void>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** The answer to a request, or a SyncError classifying why there is none worth having. */
async function answer(url: string, init: RequestInit): Promise<{ response: Response; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    // Whatever navigator.onLine says, a request that cannot be made means offline for now (S12).
    throw new SyncError('offline', error instanceof Error ? error.message : 'Network error');
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const body = errorBodySchema.safeParse(safeJson(text));
    const message = body.success ? body.data.message : `HTTP ${response.status}`;
    const kind =
      response.status === 401
        ? 'unauthorized'
        : response.status === 426
          ? 'outdated'
          : response.status >= 500 || response.status === 429
            ? 'server'
            : 'rejected';
    throw new SyncError(kind, message, response.status, body.data?.error, body.data?.details, retryAfterMs(response));
  }
  return { response, text };
}

async function call<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
  const { response, text } = await answer(url, init);
  const parsed = schema.safeParse(safeJson(text));
  if (!parsed.success) throw new SyncError('server', 'The server answered in an unexpected format', response.status);
  return parsed.data;
}

/** Transport over fetch, for the service worker, a page, or Node against the real API. */
export function fetchTransport(baseUrl: string, versions = { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION }): Transport {
  const headers = (token: string) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    [versionHeaders.protocol]: String(versions.protocol),
    [versionHeaders.schema]: String(versions.schema),
  });
  return {
    push: (token, request) =>
      call(`${baseUrl}/api/sync/push`, { method: 'POST', headers: headers(token), body: JSON.stringify(request) }, pushResponseSchema),
    pull: (token, cursor, limit) =>
      call(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: headers(token) }, pullResponseSchema),
    snapshot: (token, regionId) =>
      call(`${baseUrl}/api/sync/snapshot?regionId=${encodeURIComponent(regionId)}`, { headers: headers(token) }, snapshotResponseSchema),
    uploadAttachment: async (token, sha256, blob, mimeType) => {
      await answer(`${baseUrl}/api/attachments/${sha256}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': mimeType },
        body: blob,
      });
    },
  };
}
