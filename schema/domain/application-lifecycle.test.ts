import { describe, expect, it } from 'vitest';
import { roles } from '../roles';
import { applicationStatuses, initialStatuses, nextStatuses, officerEditableStatuses, transitionProblem, type ApplicationStatus } from './application-lifecycle';

describe('nextStatuses', () => {
  it('lets the field officer only submit a draft and resubmit a returned application', () => {
    const officerMoves = applicationStatuses.flatMap((from) => nextStatuses(from, 'field_officer').map((to) => `${from}→${to}`));
    expect(officerMoves).toEqual(['draft→submitted', 'returned→resubmitted']);
  });

  it('lets the office review, return, decide, offer and sign', () => {
    expect(nextStatuses('submitted', 'office_staff').sort()).toEqual(['approved', 'rejected', 'returned', 'under_review', 'waitlisted']);
    expect(nextStatuses('resubmitted', 'office_staff').sort()).toEqual(['approved', 'rejected', 'returned', 'under_review', 'waitlisted']);
    expect(nextStatuses('approved', 'office_staff')).toEqual(['unit_offered']);
    expect(nextStatuses('unit_offered', 'office_staff').sort()).toEqual(['approved', 'lease_signed']);
    expect(nextStatuses('waitlisted', 'admin').sort()).toEqual(['approved', 'rejected']);
  });

  it('ends at rejected and lease_signed, for everyone', () => {
    for (const role of roles) {
      expect(nextStatuses('rejected', role)).toEqual([]);
      expect(nextStatuses('lease_signed', role)).toEqual([]);
    }
  });

  it('gives admin the same moves as office staff', () => {
    for (const from of applicationStatuses) expect(nextStatuses(from, 'admin')).toEqual(nextStatuses(from, 'office_staff'));
  });

  it('can reach lease_signed from a draft', () => {
    const reached = new Set<ApplicationStatus>(['draft']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const from of [...reached]) {
        for (const to of [...nextStatuses(from, 'field_officer'), ...nextStatuses(from, 'office_staff')]) {
          if (!reached.has(to)) reached.add(to), (changed = true);
        }
      }
    }
    expect([...reached].sort()).toEqual([...applicationStatuses].sort());
  });
});

describe('transitionProblem', () => {
  it('allows a new application only as a draft or submitted at once', () => {
    expect(initialStatuses).toEqual(['draft', 'submitted']);
    expect(transitionProblem(null, 'draft', 'field_officer')).toBeNull();
    expect(transitionProblem(null, 'submitted', 'field_officer')).toBeNull();
    expect(transitionProblem(null, 'approved', 'office_staff')).toBe('invalid_transition');
    expect(transitionProblem(null, 'lease_signed', 'admin')).toBe('invalid_transition');
  });

  it('refuses an officer the office’s moves with role_forbidden', () => {
    for (const to of ['approved', 'rejected', 'returned', 'waitlisted', 'under_review'] as const) {
      expect(transitionProblem('submitted', to, 'field_officer')).toBe('role_forbidden');
    }
    expect(transitionProblem('approved', 'unit_offered', 'field_officer')).toBe('role_forbidden');
  });

  it('refuses a move the lifecycle lacks with invalid_transition, whoever asks', () => {
    expect(transitionProblem('draft', 'approved', 'office_staff')).toBe('invalid_transition');
    expect(transitionProblem('rejected', 'approved', 'admin')).toBe('invalid_transition');
    expect(transitionProblem('lease_signed', 'approved', 'admin')).toBe('invalid_transition');
    expect(transitionProblem('returned', 'approved', 'office_staff')).toBe('invalid_transition');
    expect(transitionProblem('submitted', 'resubmitted', 'field_officer')).toBe('invalid_transition');
  });

  it('treats staying in a status as no move', () => {
    for (const status of applicationStatuses) expect(transitionProblem(status, status, 'field_officer')).toBeNull();
  });

  it('agrees with nextStatuses for every pair and role', () => {
    for (const role of roles) {
      for (const from of applicationStatuses) {
        for (const to of applicationStatuses) {
          if (from === to) continue;
          expect(transitionProblem(from, to, role) === null).toBe(nextStatuses(from, role).includes(to));
        }
      }
    }
  });
});

describe('officerEditableStatuses', () => {
  it('are a draft and a returned application: the ones the officer moves on from', () => {
    expect([...officerEditableStatuses].sort()).toEqual(['draft', 'returned']);
    for (const status of officerEditableStatuses) expect(nextStatuses(status, 'field_officer')).not.toEqual([]);
  });
});
