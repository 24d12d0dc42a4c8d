import {

  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../schema';
import { SyncError } from './sync-status';
import type { z } from 'zod';

/** How the engine talks to the server. The engine never calls fetch itself. */
export interface Transport {
  push(token: string, request: PushRequest): Promise<PushResponse>;
  pull(token: string, cursor: number, limit: number): Promise<PullResponse>;
}

async function call<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    // Whatever navigator.onLine says, a request that cannot be made means offline for now.
    throw new SyncError('offline', error instanceof Error ? error.message : 'Network error');
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const body = errorBodySchema.safeParse(safeJson(text));
    const message = body.success ? body.data.message : `HTTP ${response.status}`;
    const code = body.success ? body.data.error : undefined;
    const kind = response.status === 401 ? 'unauthorized' : response.status >= 500 || response.status === 429 ? 'server' : 'rejected';
    throw new SyncError(kind, message, response.status, code);
  }
  const parsed = schema.safeParse(safeJson(text));
  if (!parsed.success) throw new SyncError('server', 'The server answered in an unexpected format', response.status);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Transport over fetch, for the service worker, a page, or Node against the real API. */
export function fetchTransport(baseUrl: string): Transport {
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  return {
    push: (token, request) =>
      call(`${baseUrl}/api/sync/push`, { method: 'POST', headers: headers(token), body: JSON.stringify(request) }, pushResponseSchema),
    pull: (token, cursor, limit) =>
      call(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: headers(token) }, pullResponseSchema),
  };
}

