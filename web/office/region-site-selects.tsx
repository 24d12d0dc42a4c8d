import type { RegionChoice } from '../queries/region-tree';

export interface RegionSiteChoice {
  regionId: string | null;
  siteId: string | null;
}

/**
 * The region and site selects of the office's filters (dashboard, exports): regions indented
 * under their parents, "all" as the empty choice; choosing a region clears the site.
 */
export function RegionSiteSelects(props: {
  idPrefix: string;
  regions: readonly RegionChoice[];
  sites: readonly { id: string; name: string }[];
  value: RegionSiteChoice;
  onChange(next: RegionSiteChoice): void;
  words: { region: string; allRegions: string; site: string; allSites: string };
}) {
  const { idPrefix, regions, sites, value, onChange, words } = props;
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-region`}>{words.region}</label>
        <select id={`${idPrefix}-region`} value={value.regionId ?? ''} onChange={(e) => onChange({ regionId: e.currentTarget.value || null, siteId: null })}>
          <option value="">{words.allRegions}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {'\u00a0\u00a0'.repeat(r.depth)}
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-site`}>{words.site}</label>
        <select id={`${idPrefix}-site`} value={value.siteId ?? ''} onChange={(e) => onChange({ ...value, siteId: e.currentTarget.value || null })}>
          <option value="">{words.allSites}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
