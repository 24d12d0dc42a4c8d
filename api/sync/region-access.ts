import type { SessionUser } from '../../schema';
import type { StorageReader } from '../storage/storage';

/** The regions a user may see and write: those assigned, and every region below them (S6). */
export async function allowedRegionIds(storage: StorageReader, user: SessionUser): Promise<Set<string>> {
  const children = new Map<string, string[]>();
  for (const r of await storage.regionTree()) {
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
