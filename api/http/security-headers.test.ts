import { describe, expect, it } from 'vitest';
import { createTestServer } from '../test-support/test-server';

describe('security headers', () => {
  it('every answer, app and API, carries a Content-Security-Policy and the usual defences', async () => {
    const server = await createTestServer();
    try {
      for (const path of ['/', '/api/health', '/api/nope', '/api/sync/pull']) {
        const response = await server.request(path);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      }
    } finally {
      server.close();
    }
  });
});
