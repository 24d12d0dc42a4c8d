/** The screens of the app, as the address bar names them. */
export type Route =
  | { name: 'signIn' }
  | { name: 'home' }
  | { name: 'units' }
  | { name: 'search' }
  | { name: 'unit'; unitId: string }
  | { name: 'newInspection'; unitId: string }
  | { name: 'editInspection'; unitId: string; inspectionId: string }
  | { name: 'newApplication' }
  | { name: 'application'; applicationId: string }
  | { name: 'editApplication'; applicationId: string }
  | { name: 'household'; householdId: string }
  | { name: 'occupancyReport'; siteId: string; month: string }
  | { name: 'storage' }
  | { name: 'conflicts' }
  | { name: 'reviewQueue' }
  | { name: 'reviewApplication'; applicationId: string }
  | { name: 'dashboard' }
  | { name: 'exports' }
  | { name: 'adminUsers' }
  | { name: 'syncHealth' }
  | { name: 'notFound' };

const segment = encodeURIComponent;

export const paths = {
  signIn: () => '/login',
  home: () => '/',
  units: () => '/units',
  /** The search screen; the query lives in `?q=` so that back and reload keep it. */
  search: (query?: string) => (query ? `/search?q=${segment(query)}` : '/search'),
  unit: (unitId: string) => `/units/${segment(unitId)}`,
  newInspection: (unitId: string) => `/units/${segment(unitId)}/inspections/new`,
  editInspection: (unitId: string, inspectionId: string) => `/units/${segment(unitId)}/inspections/${segment(inspectionId)}/edit`,
  /** A new application; `draftId` resumes a form in progress (formDrafts). */
  newApplication: (draftId?: string) => (draftId ? `/applications/new?draft=${segment(draftId)}` : '/applications/new'),
  application: (applicationId: string) => `/applications/${segment(applicationId)}`,
  editApplication: (applicationId: string) => `/applications/${segment(applicationId)}/edit`,
  household: (householdId: string) => `/households/${segment(householdId)}`,
  /** `month` is YYYY-MM. */
  occupancyReport: (siteId: string, month: string) => `/sites/${segment(siteId)}/reports/${segment(month)}`,
  storage: () => '/storage',
  conflicts: () => '/conflicts',
  /** The office's review queue; its filters live in the query string so that back and reload keep them. */
  reviewQueue: (query?: string) => (query ? `/office/applications?${query}` : '/office/applications'),
  reviewApplication: (applicationId: string) => `/office/applications/${segment(applicationId)}`,
  dashboard: () => '/office/dashboard',
  exports: () => '/office/exports',
  syncHealth: () => '/office/devices',
  adminUsers: () => '/admin/users',
};

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // a malformed escape is just an address we do not know
  }
}

const fixed: Record<string, Route> = {
  '/': { name: 'home' },
  '/login': { name: 'signIn' },
  '/units': { name: 'units' },
  '/search': { name: 'search' },
  '/applications/new': { name: 'newApplication' },
  '/storage': { name: 'storage' },
  '/conflicts': { name: 'conflicts' },
  '/office/applications': { name: 'reviewQueue' },
  '/office/dashboard': { name: 'dashboard' },
  '/office/exports': { name: 'exports' },
  '/office/devices': { name: 'syncHealth' },
  '/admin/users': { name: 'adminUsers' },
};

/** Names the screen of a path (without its query string). */
export function routeFor(pathname: string): Route {
  // A trailing slash (typed or pasted) names the same screen.
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const known = fixed[path];
  if (known) return known;
  const parts = path.split('/').slice(1).map(decodeSegment);
  if (parts.some((p) => p === undefined || p === '')) return { name: 'notFound' };
  const [first, id, third, fourth, fifth] = parts as string[];
  if (first === 'units' && id) {
    if (parts.length === 2) return { name: 'unit', unitId: id };
    if (parts.length === 4 && third === 'inspections' && fourth === 'new') return { name: 'newInspection', unitId: id };
    // "new" is taken by the form above, and ids are uuids, so it never names an inspection.
    if (parts.length === 5 && third === 'inspections' && fourth && fifth === 'edit') return { name: 'editInspection', unitId: id, inspectionId: fourth };
  }
  if (first === 'applications' && id) {
    if (parts.length === 2) return { name: 'application', applicationId: id };
    if (parts.length === 3 && third === 'edit') return { name: 'editApplication', applicationId: id };
  }
  if (first === 'office' && id === 'applications' && third && parts.length === 3) return { name: 'reviewApplication', applicationId: third };
  if (first === 'households' && id && parts.length === 2) return { name: 'household', householdId: id };
  if (first === 'sites' && id && parts.length === 4 && third === 'reports' && fourth && /^\d{4}-\d{2}$/.test(fourth)) {
    return { name: 'occupancyReport', siteId: id, month: fourth };
  }
  return { name: 'notFound' };
}
