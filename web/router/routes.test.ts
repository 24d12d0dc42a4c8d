import { describe, expect, it } from 'vitest';
import { paths, routeFor } from './routes';

describe('routeFor', () => {
  it('names each screen of the app', () => {
    expect(routeFor('/')).toEqual({ name: 'home' });
    expect(routeFor('/units')).toEqual({ name: 'units' });
    expect(routeFor('/search')).toEqual({ name: 'search' });
    expect(routeFor('/storage')).toEqual({ name: 'storage' });
    expect(routeFor('/applications/new')).toEqual({ name: 'newApplication' });
    expect(routeFor('/applications/abc')).toEqual({ name: 'application', applicationId: 'abc' });
    expect(routeFor('/applications/abc/edit')).toEqual({ name: 'editApplication', applicationId: 'abc' });
    expect(routeFor('/households/abc')).toEqual({ name: 'household', householdId: 'abc' });
    expect(routeFor('/sites/abc/reports/2026-11')).toEqual({ name: 'occupancyReport', siteId: 'abc', month: '2026-11' });
    expect(routeFor('/login')).toEqual({ name: 'signIn' });
    expect(routeFor('/units/abc')).toEqual({ name: 'unit', unitId: 'abc' });
    expect(routeFor('/units/abc/inspections/new')).toEqual({ name: 'newInspection', unitId: 'abc' });
    expect(routeFor('/units/abc/inspections/def/edit')).toEqual({ name: 'editInspection', unitId: 'abc', inspectionId: 'def' });
    expect(routeFor('/conflicts')).toEqual({ name: 'conflicts' });
    expect(routeFor('/office/applications')).toEqual({ name: 'reviewQueue' });
    expect(routeFor('/office/applications/abc')).toEqual({ name: 'reviewApplication', applicationId: 'abc' });
    expect(routeFor('/office/dashboard')).toEqual({ name: 'dashboard' });
    expect(routeFor('/office/exports')).toEqual({ name: 'exports' });
    expect(routeFor('/office/devices')).toEqual({ name: 'syncHealth' });
    expect(routeFor('/admin/users')).toEqual({ name: 'adminUsers' });
  });

  it('accepts a trailing slash', () => {
    expect(routeFor('/units/abc/')).toEqual({ name: 'unit', unitId: 'abc' });
    expect(routeFor('/login/')).toEqual({ name: 'signIn' });
    expect(routeFor('/conflicts/')).toEqual({ name: 'conflicts' });
  });

  it('reads back the ids the path builders write', () => {
    expect(routeFor(paths.newInspection('a b/c'))).toEqual({ name: 'newInspection', unitId: 'a b/c' });
    expect(routeFor(paths.editInspection('a b/c', 'd?e'))).toEqual({ name: 'editInspection', unitId: 'a b/c', inspectionId: 'd?e' });
  });

  it('calls anything else not found', () => {
    for (const path of [
      '/sites/abc/reports/november',
      '/households',
      '/units/abc/inspections',
      '/units/abc/edit',
      '/unit/abc',
      '/units/%E0%A4%A',
      '/units/abc/inspections/def',
      '/units/abc/inspections/def/delete',
      '/units/abc/inspections/%E0%A4%A/edit',
      '/conflicts/abc',
      '/office',
      '/office/applications/abc/edit',
      '/admin',
    ]) {
      expect(routeFor(path)).toEqual({ name: 'notFound' });
    }
  });
});
