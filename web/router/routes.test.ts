import { describe, expect, it } from 'vitest';
import { paths, routeFor } from './routes';

describe('routeFor', () => {
  it('names each screen of the app', () => {
    expect(routeFor('/')).toEqual({ name: 'units' });
    expect(routeFor('/login')).toEqual({ name: 'signIn' });
    expect(routeFor('/units/abc')).toEqual({ name: 'unit', unitId: 'abc' });
    expect(routeFor('/units/abc/inspections/new')).toEqual({ name: 'newInspection', unitId: 'abc' });
    expect(routeFor('/units/abc/inspections/def/edit')).toEqual({ name: 'editInspection', unitId: 'abc', inspectionId: 'def' });
    expect(routeFor('/conflicts')).toEqual({ name: 'conflicts' });
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
      '/units',
      '/units/',
      '/units/abc/inspections',
      '/units/abc/edit',
      '/unit/abc',
      '/units/%E0%A4%A',
      '/units/abc/inspections/def',
      '/units/abc/inspections/def/delete',
      '/units/abc/inspections/%E0%A4%A/edit',
      '/conflicts/abc',
    ]) {
      expect(routeFor(path)).toEqual({ name: 'notFound' });
    }
  });
});
