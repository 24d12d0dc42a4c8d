import type { Region } from '../../schema';

export interface RegionChoice {
  id: string;
  name: string;
  /** 0 for a region at the top of those given, 1 below it... */
  depth: number;
}

/**
 * Regions as a tree read top-down (each under its parent, by name), for a select or a checklist.
 * A region whose parent is not among those given is listed at the top.
 */
export function regionTreeChoices(regions: readonly Pick<Region, 'id' | 'name' | 'parentId' | 'deleted'>[]): RegionChoice[] {
  const live = regions.filter((r) => !r.deleted);
  const ids = new Set(live.map((r) => r.id));
  const children = new Map<string | null, typeof live>();
  for (const region of live) {
    const parent = region.parentId && ids.has(region.parentId) ? region.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), region]);
  }
  const out: RegionChoice[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const region of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ id: region.id, name: region.name, depth });
      visit(region.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
