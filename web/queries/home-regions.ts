import type { Region } from '../../schema';
import type { LocalDb } from '../../worker';

/** One of the user's regions, with the names of the regions above it, nearest first. */
export interface MyRegion {
  id: string;
  name: string;
  parents: string[];
}

/** The user's assigned regions as the device holds them (the regions above come with them, S6). */
export async function readMyRegions(db: LocalDb, regionIds: readonly string[]): Promise<MyRegion[]> {
  const regions = await db.regions.bulkGet([...regionIds]);
  const mine: MyRegion[] = [];
  for (const region of regions) {
    if (!region || region.deleted) continue;
    const parents: string[] = [];
    let parentId = region.parentId;
    // Bounded: a hierarchy is four levels deep; a cycle in bad data must not hang the home screen.
    for (let depth = 0; parentId && depth < 8; depth++) {
      const parent: Region | undefined = await db.regions.get(parentId);
      if (!parent) break;
      parents.push(parent.name);
      parentId = parent.parentId;
    }
    mine.push({ id: region.id, name: region.name, parents });
  }
  return mine;
}

/** The regions and every region below them, from all the regions on the device. */
export function regionsWithin(regions: readonly Pick<Region, 'id' | 'parentId' | 'deleted'>[], roots: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const region of regions) {
    if (region.deleted || !region.parentId) continue;
    children.set(region.parentId, [...(children.get(region.parentId) ?? []), region.id]);
  }
  const within = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (within.has(id)) continue;
    within.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return within;
}
