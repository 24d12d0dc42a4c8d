import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * The built PWA. Hashed assets are cached for good; the service worker, the page and the manifest
 * are revalidated every time, or a device could keep an old worker for a day.
 */
export function staticRoutes(distDir: string) {
  return new Hono()
    .use('*', async (c, next) => {
      await next();
      if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      else c.header('Cache-Control', 'no-cache');
    })
    .use('*', serveStatic({ root: distDir }))
    // Deep links (/units/…) get the app shell; the service worker does the same offline.
    .get('*', serveStatic({ root: distDir, path: 'index.html' }))
    .get('*', (c) => c.text('The app is not built yet: run `npm run build` (npm start does it for you).', 503));
}
