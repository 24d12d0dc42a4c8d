/** The screens of the app, as the address bar names them. */
export type Route =
  | { name: 'signIn' }
  | { name: 'units' }
  | { name: 'unit'; unitId: string }
  | { name: 'newInspection'; unitId: string }
  | { name: 'editInspection'; unitId: string; inspectionId: string }
  | { name: 'conflicts' }
  | { name: 'notFound' };

export const paths = {
  signIn: () => '/login',
  units: () => '/',
  unit: (unitId: string) => `/units/${encodeURIComponent(unitId)}`,
  newInspection: (unitId: string) => `/units/${encodeURIComponent(unitId)}/inspections/new`,
  editInspection: (unitId: string, inspectionId: string) =>
    `/units/${encodeURIComponent(unitId)}/inspections/${encodeURIComponent(inspectionId)}/edit`,
  conflicts: () => '/conflicts',
};

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // a malformed escape is just an address we do not know
  }
}

export function routeFor(pathname: string): Route {
  // A trailing slash (typed or pasted) names the same screen.
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { name: 'units' };
  if (path === '/login') return { name: 'signIn' };
  if (path === '/conflicts') return { name: 'conflicts' };
  const parts = path.split('/').slice(1);
  const unitId = parts[0] === 'units' && parts[1] ? decodeSegment(parts[1]) : undefined;
  if (unitId !== undefined) {
    if (parts.length === 2) return { name: 'unit', unitId };
    if (parts.length === 4 && parts[2] === 'inspections' && parts[3] === 'new') return { name: 'newInspection', unitId };
    // "new" is taken by the form above, and ids are uuids, so it never names an inspection.
    const inspectionId = parts.length === 5 && parts[2] === 'inspections' && parts[3] && parts[4] === 'edit' ? decodeSegment(parts[3]) : undefined;
    if (inspectionId !== undefined) return { name: 'editInspection', unitId, inspectionId };
  }
  return { name: 'notFound' };
}
