import type { APIRequestContext } from '@playwright/test';
import type { LoginResponse, PullResponse } from '../../schema';

/** Reads what reached the server, through its real API, as a given user. */
export async function pullEverything(request: APIRequestContext, username: string, password: string) {
  const login = (await (await request.post('/api/auth/login', { data: { username, password } })).json()) as LoginResponse;
  const changes: PullResponse['changes'] = [];
  let cursor = 0;
  for (;;) {
    const response = await request.get(`/api/sync/pull?cursor=${cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${login.token}` },
    });
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}
