import type { APIRequestContext } from '@playwright/test';
import { PROTOCOL_VERSION, SCHEMA_VERSION, versionHeaders, type LoginResponse, type PullResponse } from '../../schema';

/** Reads what reached the server, through its real API, as a given user. */
export async function pullEverything(request: APIRequestContext, username: string, password: string) {
  const login = (await (await request.post('/api/auth/login', { data: { username, password } })).json()) as LoginResponse;
  const changes: PullResponse['changes'] = [];
  let cursor = 0;
  for (;;) {
    const response = await request.get(`/api/sync/pull?cursor=${cursor}&limit=1000`, {
      // A pull names the versions it speaks (S18), or the server refuses it.
      headers: {
        authorization: `Bearer ${login.token}`,
        [versionHeaders.protocol]: String(PROTOCOL_VERSION),
        [versionHeaders.schema]: String(SCHEMA_VERSION),
      },
    });
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}
