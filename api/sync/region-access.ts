import type { SessionUser } from '../../schema';
import type { StorageReader } from '../storage/storage';

type RegionTree = readonly { id: string; parentId: string | null }[];

function regionsBelow(tree: RegionTree, user: SessionUser): Set<string> {
  const children = new Map<string, string[]>();
  for (const r of tree) {
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

/** The regions a user may see and write: those assigned, and every region below them (S6). */
export async function allowedRegionIds(storage: StorageReader, user: SessionUser): Promise<Set<string>> {
  return regionsBelow(await storage.regionTree(), user);
}

/**
 * The regions a user may read: those she may write, and the regions above them (S6). Above her
 * regions she sees only what is attached to those regions themselves: the region rows that name
 * where she works, and the program's rules of her province. Nothing is written there by her.
 */
export async function readableRegionIds(storage: StorageReader, user: SessionUser): Promise<Set<string>> {
  // One read of the tree serves both directions.
  const tree = await storage.regionTree();
  const parentOf = new Map(tree.map((r) => [r.id, r.parentId]));
  const readable = regionsBelow(tree, user);
  for (const assigned of user.regionIds) {
    let parent = parentOf.get(assigned) ?? null;
    while (parent !== null && !readable.has(parent)) {
      readable.add(parent);
      parent = parentOf.get(parent) ?? null;
    }
  }
  return readable;
}
