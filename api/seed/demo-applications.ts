import { transitionProblem, type ApplicationStatus, type Role, type WritableOf } from '../../schema';
import type { SeededRandom } from './seeded-random';

export interface DemoActor {
  id: string;
  name: string;
  role: Role;
}

/** The moves that lead to each status, as people make them (the first is the creation). */
function pathTo(random: SeededRandom, status: ApplicationStatus): ApplicationStatus[] {
  const reviewed: ApplicationStatus[] = ['draft', 'submitted', 'under_review'];
  switch (status) {
    case 'draft':
      return ['draft'];
    case 'submitted':
      return random.chance(0.5) ? ['draft', 'submitted'] : ['submitted'];
    case 'under_review':
      return reviewed;
    case 'returned':
      return random.chance(0.5) ? ['draft', 'submitted', 'returned'] : [...reviewed, 'returned'];
    case 'resubmitted':
      return ['draft', 'submitted', 'returned', 'resubmitted'];
    case 'approved':
    case 'waitlisted':
    case 'rejected':
      return [...reviewed, status];
    case 'unit_offered':
      return [...reviewed, 'approved', 'unit_offered'];
    case 'lease_signed':
      return [...reviewed, 'approved', 'unit_offered', 'lease_signed'];
  }
}

const statements = [
  'Kontrakan akan dijual pemiliknya bulan depan',
  'Tinggal menumpang di rumah orang tua bersama tiga anak',
  'Rumah kontrakan sering kebanjiran saat musim hujan',
  'Biaya kos naik, penghasilan tidak cukup',
  'Terkena penataan kawasan bantaran sungai',
  'Ingin tinggal lebih dekat dengan tempat kerja',
  '',
];

const returnComments: readonly Record<string, string>[] = [
  { headIncome: 'Lampirkan surat keterangan penghasilan dari kelurahan' },
  { kkNumber: 'Nomor KK tidak sama dengan foto kartu keluarga' },
  { currentAddress: 'Alamat belum lengkap: tulis RT/RW', phone: 'Nomor HP tidak bisa dihubungi' },
];

export interface ApplicationPlan {
  household: WritableOf<'households'>;
  siteId: string;
  status: ApplicationStatus;
  officer: DemoActor;
  office: DemoActor;
  /** When the last move happened (ISO); earlier moves go back from there, a few days apart. */
  lastMoveAt: Date;
  offeredUnit?: { id: string; code: string };
  /** Why a rejection: shown as its decision note. */
  rejectionReason?: string;
}

/** An application that has reached `status`, with one event for each move that brought it there. */
export function makeApplication(random: SeededRandom, newId: () => string, plan: ApplicationPlan) {
  const path = pathTo(random, plan.status);
  const times: Date[] = [plan.lastMoveAt];
  for (let i = 1; i < path.length; i++) times.unshift(new Date(times[0]!.getTime() - random.int(1, 9) * 86_400_000 - random.int(0, 7 * 3600) * 1000));
  const applicationId = newId();
  const decisionNote = plan.status === 'rejected' ? (plan.rejectionReason ?? 'Tidak memenuhi syarat') : plan.status === 'waitlisted' ? 'Belum ada unit kosong yang sesuai; masuk daftar tunggu' : null;

  const events: WritableOf<'applicationEvents'>[] = path.map((toStatus, i) => {
    const fromStatus = i === 0 ? null : path[i - 1]!;
    const actor = ['draft', 'submitted', 'resubmitted'].includes(toStatus) ? plan.officer : plan.office;
    // The demo only tells stories the lifecycle allows: a wrong path here is a bug in this file.
    const problem = transitionProblem(fromStatus, toStatus, actor.role);
    if (problem) throw new Error(`Demo application path ${path.join(' → ')}: ${problem} at ${toStatus}`);
    const fieldComments = toStatus === 'returned' ? random.pick(returnComments) : {};
    const comment =
      toStatus === 'returned'
        ? 'Mohon dilengkapi lalu kirim ulang'
        : toStatus === 'rejected'
          ? decisionNote!
          : toStatus === 'waitlisted'
            ? decisionNote!
            : toStatus === 'under_review'
              ? 'Verifikasi lapangan dijadwalkan'
              : toStatus === 'approved'
                ? 'Memenuhi syarat'
                : toStatus === 'unit_offered'
                  ? `Ditawarkan unit ${plan.offeredUnit?.code ?? ''}`.trim()
                  : toStatus === 'lease_signed'
                    ? 'Perjanjian sewa ditandatangani'
                    : '';
    return {
      id: newId(),
      regionId: plan.household.regionId,
      applicationId,
      fromStatus,
      toStatus,
      comment,
      fieldComments,
      actorId: actor.id,
      actorName: actor.name,
      at: times[i]!.toISOString(),
    };
  });

  const lastSubmission = [...events].reverse().find((e) => e.toStatus === 'submitted' || e.toStatus === 'resubmitted');
  const application: WritableOf<'applications'> = {
    id: applicationId,
    regionId: plan.household.regionId,
    householdId: plan.household.id,
    siteId: plan.siteId,
    status: plan.status,
    submittedAt: lastSubmission?.at ?? null,
    decisionNote,
    offeredUnitId: plan.status === 'unit_offered' || plan.status === 'lease_signed' ? (plan.offeredUnit?.id ?? null) : null,
    statement: random.pick(statements),
    createdBy: plan.officer.id,
  };
  return { application, events };
}
