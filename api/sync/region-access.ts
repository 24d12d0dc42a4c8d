import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../schema';
import { regions } from '../../schema/drizzle-tables';
import type { Db } from '../db/open-database';

/** The regions a user may see and write: those assigned, and every region below them. */
export function allowedRegionIds(db: Db, user: SessionUser): Set<string> {
  const all = db.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(eq(regions.deleted, false)).all();
  const children = new Map<string, string[]>();
  for (const r of all) {
    if (r.parentId === null) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r.id);
    children.set(r.parentId, list);
  }
  const allowed = new Set<string>();
  const stack = [...user.regionIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (allowed.has(id)) continue;
    allowed.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return allowed;
}
