import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticRoutes } from './static-routes';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-dist-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>shell</title>');
fs.writeFileSync(path.join(dist, 'sw.js'), 'self.x = 1;');
fs.writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
const app = staticRoutes(dist);
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('serving the built app', () => {
  it('serves /sw.js with Cache-Control: no-cache', async () => {
    const response = await app.request('/sw.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('caches hashed assets for good', async () => {
    const response = await app.request('/assets/index-abc.js');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers deep links with the app shell', async () => {
    const response = await app.request('/units/0190aaaa-0000-7000-8000-000000000000/inspections/new');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>shell</title>');
  });

  it('does not let path traversal leave the dist folder', async () => {
    const response = await app.request('/..%2f..%2fetc/passwd');
    expect(await response.text()).not.toContain('root:');
  });
});
