import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../../schema';
import { regionTreeChoices as regionChoices } from '../queries/region-tree';
import { checkNewUser, checkPassword, problemsOf, regionNames, sortUsers, type NewUserValues } from './admin-users';

const region = (id: string, name: string, parentId: string | null, deleted = false) => ({ id, name, parentId, deleted });

describe('users administration, pure parts', () => {
  it('lists regions as a tree: each under its parent, by name; an orphan at the top; deleted ones left out', () => {
    const choices = regionChoices([
      region('bdg', 'Kota Bandung', 'jabar'),
      region('jabar', 'Jawa Barat', null),
      region('coblong', 'Coblong', 'bdg'),
      region('dki', 'DKI Jakarta', null),
      region('orphan', 'Kota Semarang', 'not-on-device'),
      region('gone', 'Dihapus', 'jabar', true),
    ]);
    expect(choices.map((c) => `${'-'.repeat(c.depth)}${c.name}`)).toEqual(['DKI Jakarta', 'Jawa Barat', '-Kota Bandung', '--Coblong', 'Kota Semarang']);
  });

  it('names regions, or the end of an id the device does not know', () => {
    expect(regionNames(['a', '019a0000-0000-7000-8000-00000000beef'], new Map([['a', { name: 'Kota Bandung' }]]))).toEqual(['Kota Bandung', '…00beef']);
  });

  it('sorts active users first, then by name', () => {
    const user = (displayName: string, active: boolean): AdminUser => ({ id: displayName, username: displayName.toLowerCase(), displayName, role: 'field_officer', regionIds: [], active });
    expect(sortUsers([user('Budi', false), user('Siti', true), user('Agus', true)]).map((u) => u.displayName)).toEqual(['Agus', 'Siti', 'Budi']);
  });

  it('checks a new user as the server would, before sending', () => {
    const good: NewUserValues = { username: 'siti.rahma', displayName: 'Siti Rahma', role: 'field_officer', regionIds: [], password: 'rahasia123' };
    expect(checkNewUser(good)).toEqual({});
    expect(checkNewUser({ username: '', displayName: ' ', role: '', regionIds: [], password: '' })).toEqual({ username: 'required', displayName: 'required', role: 'required', password: 'required' });
    expect(checkNewUser({ ...good, username: 'Siti Rahma' }).username).toBe('usernameFormat');
    expect(checkNewUser({ ...good, username: 'si' }).username).toBe('usernameTooShort');
    expect(checkPassword('1234567')).toBe('passwordTooShort');
    expect(checkPassword('12345678')).toBeNull();
  });

  it('a failure that names no field is a problem of the form', () => {
    expect(problemsOf({ kind: 'offline' })).toEqual({ fields: {}, form: 'connection' });
    expect(problemsOf({ kind: 'server', status: 500 })).toEqual({ fields: {}, form: 'other', failure: { kind: 'server', status: 500 } });
    const odd = { kind: 'refused' as const, status: 400, error: 'invalid_request', message: 'bad', details: { issues: [{ path: 'somethingElse', code: 'custom', message: 'x' }] } };
    expect(problemsOf(odd)).toEqual({ fields: {}, form: 'other', failure: odd });
  });
});
