import type { z } from 'zod';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  snapshotResponseSchema,
  versionHeaders,
  type DeviceReportRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SnapshotResponse,
} from '../schema';
import { readBootstrapStream, type BootstrapSnapshot } from './bootstrap-snapshot';
import { SyncError } from './sync-status';

/** How the engine talks to the server. The engine never calls fetch itself. */
export interface Transport {
  push(token: string, request: PushRequest): Promise<PushResponse>;
  pull(token: string, cursor: number, limit: number): Promise<PullResponse>;
  snapshot(token: string, regionId: string): Promise<SnapshotResponse>;
  /**
   * Every record of the user's regions as of one cursor, streamed, for a device whose cursor is 0
   * (S25). A transport without it makes a new device pull the change log page by page.
   */
  bootstrap?(token: string): Promise<BootstrapSnapshot>;
  /** Sends an attachment's bytes under their SHA-256 (S23); sending them again is harmless. */
  uploadAttachment(token: string, sha256: string, blob: Blob, mimeType: string): Promise<void>;
  /** Tells the server how this device is doing (S26). A transport without it reports nothing. */
  deviceReport?(token: string, report: DeviceReportRequest): Promise<void>;
}

/** A device report gives up after this long: it is worth less than anything else on the line. */
const deviceReportTimeoutMs = 10_000;

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

/** A successful response, its body unread, or a SyncError classifying why there is none worth having. */
async function respond(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    // Whatever navigator.onLine says, a request that cannot be made means offline for now (S12).
    throw new SyncError('offline', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
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
  return response;
}

/** The answer to a request, read whole. */
async function answer(url: string, init: RequestInit): Promise<{ response: Response; text: string }> {
  const response = await respond(url, init);
  return { response, text: await response.text().catch(() => '') };
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
    bootstrap: async (token) => {
      const response = await respond(`${baseUrl}/api/sync/bootstrap`, { headers: headers(token) });
      if (!response.body) throw new SyncError('server', 'The bootstrap answer has no body', response.status);
      return readBootstrapStream(response.body);
    },
    deviceReport: async (token, report) => {
      await answer(`${baseUrl}/api/sync/device-report`, {
        method: 'POST',
        headers: headers(token),
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(deviceReportTimeoutMs),
      });
    },
    uploadAttachment: async (token, sha256, blob, mimeType) => {
      await answer(`${baseUrl}/api/attachments/${sha256}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': mimeType },
        body: blob,
      });
    },
  };
}
