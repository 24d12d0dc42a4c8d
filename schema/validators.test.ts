import { describe, expect, it } from 'vitest';
import { application, applicationEvent, attachment, lease, occupancyReport } from './entities';
import type { WriteRuleInput } from './entity';
import type { Role } from './roles';
import { fieldProblems, validators, type WritableOf } from './validators';

// The validators derived from the officer's entities, and their write rules, as a form and the
// server's push both see them.

const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const regionId = id(1);

const validHousehold: WritableOf<'households'> = {
  id: id(10),
  regionId,
  headName: 'Siti Aminah',
  headNik: '3273014512900003', // Kota Bandung 32.73.01, born 5 December 1990, a woman (45 = 5 + 40)
  kkNumber: '3273012005100012',
  birthDate: '1990-12-05',
  sex: 'female',
  maritalStatus: 'married',
  phone: '081234567890',
  currentHousing: 'renting',
  currentAddress: 'Jl. Cisitu Lama No. 7, Coblong, Bandung',
  hasLocalIdCard: true,
  ownsHouse: false,
  headOccupation: 'Pedagang',
  headIncome: { kind: 'informal', amount: 70_000, period: 'daily' },
  members: [
    { key: 'm1', name: 'Agus Setiawan', nik: '3273011708850002', relationship: 'spouse', age: 40, occupation: 'Buruh', income: { kind: 'formal', amount: 2_000_000, period: 'monthly' } },
    { key: 'm2', name: 'Nur Aini', nik: null, relationship: 'child', age: 6, occupation: '', income: null },
  ],
  registeredBy: id(2),
};

function problemsOf(entity: keyof typeof validators, value: unknown) {
  const result = validators[entity].write.safeParse(value);
  return result.success ? [] : fieldProblems(result.error);
}

describe('households', () => {
  it('accepts a complete household', () => {
    expect(problemsOf('households', validHousehold)).toEqual([]);
  });

  it.each([
    ['headNik', '3273014012900003', 'nik_birth_date'],
    ['headNik', '327301451290000', 'nik_format'],
    ['headNik', '0073014512900003', 'nik_region'],
    ['headNik', '3273014512900000', 'nik_serial'],
    ['kkNumber', '32730120051000', 'kk_format'],
    ['kkNumber', '3200012005100012', 'kk_region'],
    ['phone', '0227654321', 'phone_format'], // a Bandung landline, not a mobile
    ['phone', '+6212345', 'phone_format'],
  ])('puts a bad %s (%s) next to its field as %s', (field, value, code) => {
    expect(problemsOf('households', { ...validHousehold, [field]: value })).toEqual([{ field, code }]);
  });

  it('accepts no phone, and mobiles written 08… or +628…', () => {
    for (const phone of ['', '081234567890', '+6281234567890', '08123456789012']) {
      expect(problemsOf('households', { ...validHousehold, phone })).toEqual([]);
    }
  });

  it('trims a NIK typed with spaces around it', () => {
    const parsed = validators.households.write.parse({ ...validHousehold, headNik: ' 3273014512900003 ' });
    expect(parsed.headNik).toBe('3273014512900003');
  });

  it("puts a member's bad NIK on members, with the member's index and field in the path", () => {
    const members = [validHousehold.members[0]!, { ...validHousehold.members[1]!, nik: '3273013104900003' }];
    const result = validators.households.write.safeParse({ ...validHousehold, members });
    expect(result.success).toBe(false);
    expect(fieldProblems(result.error!)).toEqual([{ field: 'members', code: 'nik_birth_date' }]);
    expect(result.error!.issues[0]!.path).toEqual(['members', 1, 'nik']);
  });

  it('refuses an income with an unknown period or a negative amount', () => {
    expect(problemsOf('households', { ...validHousehold, headIncome: { kind: 'formal', amount: 1, period: 'hourly' } })).toEqual([{ field: 'headIncome', code: 'invalid_value' }]);
    expect(problemsOf('households', { ...validHousehold, headIncome: { kind: 'formal', amount: -1, period: 'monthly' } })).toEqual([{ field: 'headIncome', code: 'too_small' }]);
  });

  it('needs a name, and reports each missing field by name', () => {
    const { headName: _name, kkNumber: _kk, ...rest } = validHousehold;
    expect(problemsOf('households', rest).map((p) => p.field).sort()).toEqual(['headName', 'kkNumber']);
    expect(problemsOf('households', { ...validHousehold, headName: '   ' })).toEqual([{ field: 'headName', code: 'too_small' }]);
  });
});

describe('occupancyReports', () => {
  const report: WritableOf<'occupancyReports'> = {
    id: id(20),
    regionId,
    siteId: id(3),
    month: '2025-06',
    status: 'submitted',
    rows: [{ unitId: id(4), occupied: true, occupants: 4, arrearsMonths: 2, arrearsAmount: 600_000, issues: '' }],
    submittedAt: '2025-07-02T03:00:00.000Z',
    preparedBy: id(2),
  };

  it('accepts a month as YYYY-MM', () => {
    expect(problemsOf('occupancyReports', report)).toEqual([]);
    expect(problemsOf('occupancyReports', { ...report, month: '2026-12' })).toEqual([]);
  });

  it.each(['2025-13', '2025-00', '2025-6', '06-2025', '2025/06', '1999-12', '202506'])('refuses the month %s with month_format', (month) => {
    expect(problemsOf('occupancyReports', { ...report, month })).toEqual([{ field: 'month', code: 'month_format' }]);
  });

  it('refuses a whole date as a month', () => {
    expect(problemsOf('occupancyReports', { ...report, month: '2025-06-01' })).toContainEqual({ field: 'month', code: 'month_format' });
  });

  it('refuses a row with negative arrears or an unknown field', () => {
    expect(problemsOf('occupancyReports', { ...report, rows: [{ ...report.rows[0]!, arrearsMonths: -1 }] })).toEqual([{ field: 'rows', code: 'too_small' }]);
    expect(problemsOf('occupancyReports', { ...report, rows: [{ ...report.rows[0]!, tenant: 'x' }] })).toEqual([{ field: 'rows', code: 'unrecognized_keys' }]);
  });

  it('once submitted, is no longer the officer’s to change or delete (report_submitted); the office may', () => {
    const draft = { ...report, status: 'draft', submittedAt: null };
    const rule = (role: Role, op: 'upsert' | 'delete', before: WriteRuleInput['before'], after: Record<string, unknown>) =>
      occupancyReport.writeRule!({ role, op, before, after })?.code ?? null;
    expect(rule('field_officer', 'upsert', draft, report)).toBeNull();
    expect(rule('field_officer', 'upsert', report, { ...report, rows: [] })).toBe('report_submitted');
    expect(rule('field_officer', 'delete', report, report)).toBe('report_submitted');
    expect(rule('field_officer', 'delete', draft, draft)).toBeNull();
    expect(rule('office_staff', 'upsert', report, { ...report, rows: [] })).toBeNull();
  });
});

describe('attachments', () => {
  const photo: WritableOf<'attachments'> = {
    id: id(30),
    regionId,
    householdId: null,
    applicationId: null,
    inspectionId: id(5),
    itemKey: 'unit.ceiling',
    kind: 'inspection_photo',
    sha256: 'a'.repeat(64),
    mimeType: 'image/jpeg',
    byteSize: 310_000,
    width: 1600,
    height: 1200,
    capturedAt: '2025-06-02T02:15:00.000Z',
  };
  const rule = (after: Record<string, unknown>) => attachment.writeRule!({ role: 'field_officer', op: 'upsert', before: null, after });

  it('accepts a lowercase hex SHA-256 only', () => {
    expect(problemsOf('attachments', photo)).toEqual([]);
    for (const sha256 of ['A'.repeat(64), 'a'.repeat(63), 'g'.repeat(64), `${'a'.repeat(62)} 0`]) {
      expect(problemsOf('attachments', { ...photo, sha256 })).toEqual([{ field: 'sha256', code: 'sha256_format' }]);
    }
  });

  it('refuses an empty file or one over 5 MB, and a type it does not keep', () => {
    expect(problemsOf('attachments', { ...photo, byteSize: 0 })).toEqual([{ field: 'byteSize', code: 'too_small' }]);
    expect(problemsOf('attachments', { ...photo, byteSize: 5 * 1024 * 1024 + 1 })).toEqual([{ field: 'byteSize', code: 'too_big' }]);
    expect(problemsOf('attachments', { ...photo, mimeType: 'image/gif' })).toEqual([{ field: 'mimeType', code: 'invalid_value' }]);
  });

  it('belongs to exactly one record (one_owner)', () => {
    expect(rule(photo)).toBeNull();
    expect(rule({ ...photo, inspectionId: null, householdId: id(10) })).toBeNull();
    expect(rule({ ...photo, inspectionId: null })?.code).toBe('one_owner');
    expect(rule({ ...photo, householdId: id(10) })?.code).toBe('one_owner');
    expect(rule({ ...photo, householdId: id(10), applicationId: id(11) })?.code).toBe('one_owner');
  });
});

describe('leases', () => {
  const signed = { id: id(40), regionId, agreementNumber: 'SPS/2025/0142', householdId: id(10), unitId: id(4), applicationId: null, startDate: '2025-07-01', endDate: '2027-06-30', monthlyRent: 300_000, deposit: 900_000, status: 'active' };
  const rule = (after: Record<string, unknown>) => lease.writeRule!({ role: 'office_staff', op: 'upsert', before: null, after });

  it('ends after it starts (end_before_start)', () => {
    expect(problemsOf('leases', signed)).toEqual([]);
    expect(rule(signed)).toBeNull();
    expect(rule({ ...signed, endDate: '2025-06-30' })?.code).toBe('end_before_start');
    expect(rule({ ...signed, endDate: '2025-07-01' })?.code).toBe('end_before_start');
  });
});

describe('applications write rule', () => {
  const draft = { id: id(50), regionId, householdId: id(10), siteId: id(3), status: 'draft', submittedAt: null, decisionNote: null, offeredUnitId: null, statement: 'Kontrakan akan dijual pemiliknya', createdBy: id(2) };
  const submitted = { ...draft, status: 'submitted', submittedAt: '2025-06-03T01:00:00.000Z' };
  const rule = (role: Role, before: WriteRuleInput['before'], after: Record<string, unknown>) => application.writeRule!({ role, op: 'upsert', before, after })?.code ?? null;

  it('lets an officer create a draft, or submit at once, and submit a draft', () => {
    expect(problemsOf('applications', draft)).toEqual([]);
    expect(rule('field_officer', null, draft)).toBeNull();
    expect(rule('field_officer', null, submitted)).toBeNull();
    expect(rule('field_officer', draft, submitted)).toBeNull();
    expect(rule('field_officer', draft, { ...submitted, statement: 'Diperbaiki sebelum dikirim' })).toBeNull();
  });

  it('refuses an officer the office’s decisions with role_forbidden', () => {
    for (const status of ['approved', 'rejected', 'returned', 'waitlisted', 'under_review']) {
      expect(rule('field_officer', submitted, { ...submitted, status, decisionNote: 'x' })).toBe('role_forbidden');
    }
    expect(rule('field_officer', null, { ...draft, status: 'approved' })).toBe('invalid_transition');
  });

  it('refuses an officer a decision note or an offered unit, even on a draft', () => {
    expect(rule('field_officer', null, { ...draft, decisionNote: 'Disetujui' })).toBe('role_forbidden');
    expect(rule('field_officer', draft, { ...draft, offeredUnitId: id(4) })).toBe('role_forbidden');
    const approved = { ...submitted, status: 'approved' };
    expect(rule('field_officer', approved, { ...approved, offeredUnitId: id(4) })).toBe('role_forbidden');
  });

  it('locks what a submitted application says until the office returns it (application_locked)', () => {
    expect(rule('field_officer', submitted, { ...submitted, statement: 'Ditambah keterangan' })).toBe('application_locked');
    expect(rule('field_officer', submitted, { ...submitted, siteId: id(6) })).toBe('application_locked');
    // submittedAt orders the review queue: moving it would jump the queue.
    expect(rule('field_officer', submitted, { ...submitted, submittedAt: '2025-01-01T00:00:00.000Z' })).toBe('application_locked');
    // The same record sent again changes nothing, and is no violation.
    expect(rule('field_officer', submitted, { ...submitted })).toBeNull();
  });

  it('lets an officer fix a returned application and resubmit it in one write', () => {
    const returned = { ...submitted, status: 'returned' };
    expect(rule('field_officer', returned, { ...returned, statement: 'Slip gaji terbaru dilampirkan' })).toBeNull();
    expect(rule('field_officer', returned, { ...returned, status: 'resubmitted', submittedAt: '2025-06-10T02:00:00.000Z', statement: 'x' })).toBeNull();
  });

  it('needs a reason for a rejection (reason_required), and a unit for an offer', () => {
    expect(rule('office_staff', submitted, { ...submitted, status: 'rejected' })).toBe('reason_required');
    expect(rule('office_staff', submitted, { ...submitted, status: 'rejected', decisionNote: '  ' })).toBe('reason_required');
    expect(rule('office_staff', submitted, { ...submitted, status: 'rejected', decisionNote: 'Memiliki rumah di Cimahi' })).toBeNull();
    const approved = { ...submitted, status: 'approved' };
    expect(rule('office_staff', submitted, approved)).toBeNull();
    expect(rule('office_staff', approved, { ...approved, status: 'unit_offered' })).toBe('unit_required');
    expect(rule('office_staff', approved, { ...approved, status: 'unit_offered', offeredUnitId: id(4) })).toBeNull();
  });

  it('refuses the office a move the lifecycle lacks', () => {
    expect(rule('office_staff', draft, { ...draft, status: 'approved' })).toBe('invalid_transition');
    expect(rule('admin', { ...submitted, status: 'rejected', decisionNote: 'x' }, { ...submitted, status: 'approved', decisionNote: 'x' })).toBe('invalid_transition');
  });
});

describe('applicationEvents write rule', () => {
  const event = { id: id(60), regionId, applicationId: id(50), fromStatus: 'submitted', toStatus: 'returned', comment: '', fieldComments: { headIncome: 'Lampirkan slip gaji bulan ini' }, actorId: id(7), actorName: 'Dewi Lestari', at: '2025-06-04T03:00:00.000Z' };
  const rule = (role: Role, before: WriteRuleInput['before'], after: Record<string, unknown>) => applicationEvent.writeRule!({ role, op: 'upsert', before, after })?.code ?? null;

  it('is append-only: an event once written never changes', () => {
    expect(problemsOf('applicationEvents', event)).toEqual([]);
    expect(rule('office_staff', null, event)).toBeNull();
    expect(rule('office_staff', event, { ...event, comment: 'diubah' })).toBe('append_only');
    expect(rule('admin', event, event)).toBe('append_only');
  });

  it('needs a comment or a field comment for a return or a rejection', () => {
    expect(rule('office_staff', null, { ...event, fieldComments: {} })).toBe('reason_required');
    expect(rule('office_staff', null, { ...event, fieldComments: {}, comment: 'Data penghasilan kurang' })).toBeNull();
    expect(rule('office_staff', null, { ...event, toStatus: 'rejected', fieldComments: {} })).toBe('reason_required');
  });

  it('records only moves the actor’s role may make', () => {
    expect(rule('field_officer', null, event)).toBe('role_forbidden');
    expect(rule('field_officer', null, { ...event, fromStatus: 'draft', toStatus: 'submitted', fieldComments: {} })).toBeNull();
    expect(rule('office_staff', null, { ...event, fromStatus: 'draft', toStatus: 'approved' })).toBe('invalid_transition');
  });

  it('refuses a field comment that is empty', () => {
    expect(problemsOf('applicationEvents', { ...event, fieldComments: { headIncome: ' ' } })).toEqual([{ field: 'fieldComments', code: 'too_small' }]);
  });
});
