import { createHash } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { LoginResponse, PullResponse } from '../../schema';

export type PulledChange = PullResponse['changes'][number];

/** A bearer token of a user, from the real login. */
export async function signInToken(request: APIRequestContext, username: string, password: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { username, password } });
  if (!response.ok()) throw new Error(`Login of ${username} failed: ${response.status()}`);
  return ((await response.json()) as LoginResponse).token;
}

/** The changes the server logged for one record, oldest first. */
export function changesOf(changes: readonly PulledChange[], entity: string, recordId: string): PulledChange[] {
  return changes.filter((c) => c.entity === entity && c.recordId === recordId);
}

/** Every record of an entity as the server has it now (its last change), by id. */
export function latestRecords(changes: readonly PulledChange[], entity: string): Map<string, PulledChange['record']> {
  const latest = new Map<string, PulledChange['record']>();
  for (const change of changes) if (change.entity === entity) latest.set(change.recordId, change.record);
  return latest;
}

/** An attachment's bytes as the server serves them, with the SHA-256 of what arrived. */
export async function downloadAttachment(request: APIRequestContext, token: string, sha256: string) {
  const response = await request.get(`/api/attachments/${sha256}`, { headers: { authorization: `Bearer ${token}` } });
  const body = response.ok() ? await response.body() : Buffer.alloc(0);
  return {
    status: response.status(),
    contentType: response.headers()['content-type'],
    byteSize: body.byteLength,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
}
