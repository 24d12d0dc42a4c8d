import type { Role } from '../../schema';
import type { Route } from './routes';

/** The office's screens (review, dashboard, exports, device health) and the administrator's. */
const officeRoutes: ReadonlySet<Route['name']> = new Set(['reviewQueue', 'reviewApplication', 'dashboard', 'exports', 'syncHealth']);
const adminRoutes: ReadonlySet<Route['name']> = new Set(['adminUsers']);

/** Whether a user of this role may open this screen; the server enforces the same on every write. */
export function mayOpen(route: Route, role: Role): boolean {
  if (adminRoutes.has(route.name)) return role === 'admin';
  if (officeRoutes.has(route.name)) return role === 'office_staff' || role === 'admin';
  return true;
}

/** Whether the user works in the office (office staff or an administrator). */
export const isOfficeRole = (role: Role): boolean => role === 'office_staff' || role === 'admin';
