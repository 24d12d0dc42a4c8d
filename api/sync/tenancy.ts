import type { StorageTx } from '../storage/storage';
import { MutationRejected } from './apply-mutation';

/** Statuses in which an application holds the unit it names in `offeredUnitId`. */
const holdingStatuses: ReadonlySet<unknown> = new Set(['unit_offered', 'lease_signed']);

const others = (records: Record<string, unknown>[], id: unknown, holds: (r: Record<string, unknown>) => boolean) =>
  records.filter((r) => r.id !== id && r.deleted !== true && holds(r));

/**
 * One unit, one household (S28). A device checks its own copy before an offer or a lease, but two
 * office desks (or one offline) can each offer the same vacant unit, and each merge would be
 * silent: both set the unit to "reserved". The server, which sees every region's records, refuses
 * the second: an application may hold a unit another application holds (`unit_already_offered`),
 * an active lease may not share its unit with another (`unit_already_leased`), and a lease made
 * from an application must be for the unit that application was offered (`offer_mismatch`), and an
 * application is signed only with an active lease for its unit (`lease_required`). An agreement
 * number names one lease (`agreement_number_taken`). A unit becomes reserved only for an
 * application that holds it (`unit_not_held`): the device reserves the unit it offers right
 * after the offer, and when the offer was kept aside (it lost to another desk's decision) the
 * reservation is refused with it, so that no unit stays reserved for nobody.
 * Only a change that takes a unit is checked; an edit of a lease or an application already
 * holding its unit is not refused for what others did.
 */
export async function checkTenancy(tx: StorageTx, entity: string, record: Record<string, unknown>, existing: Record<string, unknown> | null): Promise<void> {
  if (entity === 'applications') {
    const unitId = record.offeredUnitId;
    if (typeof unitId !== 'string' || !holdingStatuses.has(record.status)) return;
    const alreadyHeld = existing && existing.deleted !== true && holdingStatuses.has(existing.status) && existing.offeredUnitId === unitId;
    if (!alreadyHeld && others(await tx.findRecords('applications', 'offeredUnitId', unitId), record.id, (r) => holdingStatuses.has(r.status)).length > 0) {
      throw new MutationRejected('unit_already_offered', 'The unit is already offered to or leased by another application', { field: 'offeredUnitId' });
    }
    // Signed means a lease exists: a device sends the lease before the move, so a refused lease
    // also stops the application from reading "lease signed".
    if (record.status === 'lease_signed' && existing?.status !== 'lease_signed') {
      const leases = await tx.findRecords('leases', 'applicationId', String(record.id));
      if (!leases.some((l) => l.status === 'active' && l.unitId === unitId)) {
        throw new MutationRejected('lease_required', 'An application is lease_signed only with an active lease for its unit', { field: 'status' });
      }
    }
    return;
  }
  if (entity === 'units') {
    if (record.status !== 'reserved' || (existing && existing.deleted !== true && existing.status === 'reserved')) return;
    if (others(await tx.findRecords('applications', 'offeredUnitId', String(record.id)), null, (r) => holdingStatuses.has(r.status)).length === 0) {
      throw new MutationRejected('unit_not_held', 'A unit is reserved only for an application offered it', { field: 'status' });
    }
    return;
  }
  if (entity === 'leases') {
    // The agreement number is what people quote on paper: one lease each.
    if (existing?.agreementNumber !== record.agreementNumber) {
      const sameNumber = others(await tx.findRecords('leases', 'agreementNumber', String(record.agreementNumber)), record.id, () => true);
      if (sameNumber.length > 0) throw new MutationRejected('agreement_number_taken', 'Another lease has this agreement number', { field: 'agreementNumber' });
    }
    if (record.status !== 'active') return;
    const unitId = String(record.unitId);
    const alreadyActive = existing && existing.deleted !== true && existing.status === 'active' && existing.unitId === unitId;
    if (alreadyActive) return;
    if (others(await tx.findRecords('leases', 'unitId', unitId), record.id, (r) => r.status === 'active').length > 0) {
      throw new MutationRejected('unit_already_leased', 'The unit already has an active lease', { field: 'unitId' });
    }
    if (typeof record.applicationId === 'string') {
      const application = await tx.readRecord('applications', record.applicationId);
      if (!application || application.deleted === true || application.offeredUnitId !== unitId || !holdingStatuses.has(application.status)) {
        throw new MutationRejected('offer_mismatch', 'A lease from an application is for the unit that application was offered', { field: 'applicationId' });
      }
    }
  }
}
