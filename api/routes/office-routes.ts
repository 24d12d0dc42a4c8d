import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { requireRole, requireUser } from '../http/require-user';
import { deviceHealth } from '../office/device-health';
import { peopleDirectory } from '../office/people';

/** Read-only views for the office's screens, fetched online and cached on the device. */
export const officeRoutes = new Hono<AppEnv>()
  .use(requireUser, requireRole('office_staff', 'admin'))
  .get('/devices', async (c) => c.json({ devices: await deviceHealth(c.var.storage, c.var.user) }))
  .get('/people', async (c) => c.json({ people: await peopleDirectory(c.var.storage, c.var.user) }));
