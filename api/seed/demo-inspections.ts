import { checklistTemplate, repairDueDate, type ChecklistItem, type Severity, type WritableOf } from '../../schema';
import { addDays, type SeededRandom } from './seeded-random';

/** What goes wrong in a rusunawa unit, and what fixes it. */
const typicalProblems: Record<string, { severity: Severity; description: string; repairAction: string }> = {
  walls: { severity: 'low', description: 'Dinding retak rambut dan cat mengelupas', repairAction: 'Tambal retakan dan cat ulang' },
  ceiling: { severity: 'severe', description: 'Plafon kamar mandi bocor saat hujan', repairAction: 'Ganti plafon dan perbaiki talang' },
  floor: { severity: 'moderate', description: 'Keramik lantai pecah di dekat pintu', repairAction: 'Ganti keramik yang pecah' },
  doors_windows: { severity: 'moderate', description: 'Engsel jendela lepas, jendela tidak bisa dikunci', repairAction: 'Pasang engsel dan kunci baru' },
  electrical: { severity: 'life_threatening', description: 'Stop kontak dapur gosong, kabel terkelupas', repairAction: 'Putus aliran, ganti stop kontak dan kabel' },
  plumbing: { severity: 'moderate', description: 'Keran wastafel bocor terus', repairAction: 'Ganti keran dan seal' },
  kitchen: { severity: 'low', description: 'Saluran cuci piring lambat', repairAction: 'Bersihkan saluran pembuangan' },
  bathroom: { severity: 'severe', description: 'Kloset mampet dan air meluap', repairAction: 'Perbaiki saluran pembuangan kloset' },
};

export interface InspectionPlan {
  unit: { id: string; regionId: string };
  site: { latitude: number; longitude: number };
  inspectorId: string;
  today: string;
  type?: WritableOf<'inspections'>['type'];
  inspectedOn?: string;
}

/** An inspection of the unit's rooms, walked item by item, with the problems found and when they are due. */
export function makeInspection(random: SeededRandom, newId: () => string, plan: InspectionPlan): WritableOf<'inspections'> {
  const type = plan.type ?? random.weighted([['periodic', 70], ['complaint', 15], ['move_in', 15]] as const);
  const inspectedOn = plan.inspectedOn ?? addDays(plan.today, -random.int(3, 180));
  const broken = new Set<string>();
  const problemCount = type === 'complaint' ? random.int(1, 2) : random.weighted([[0, 65], [1, 25], [2, 10]] as const);
  while (broken.size < problemCount) broken.add(random.pick(checklistTemplate.unit));

  const checklist: ChecklistItem[] = checklistTemplate.unit.map((item) => {
    if (!broken.has(item)) return { key: `unit.${item}`, rating: random.weighted([[3, 20], [4, 50], [5, 30]] as const), problem: null };
    const typical = typicalProblems[item]!;
    const dueDate = repairDueDate(inspectedOn, typical.severity);
    const resolvedOn = addDays(inspectedOn, random.int(1, 20));
    return {
      key: `unit.${item}`,
      rating: typical.severity === 'low' ? 3 : random.int(1, 2),
      problem: { ...typical, dueDate, resolvedOn: resolvedOn < plan.today && random.chance(0.6) ? resolvedOn : null },
    };
  });
  const conditionRating = Math.max(1, Math.min(5, Math.round(checklist.reduce((sum, i) => sum + i.rating, 0) / checklist.length)));
  const found = checklist.flatMap((i) => (i.problem ? [i.problem.description] : []));
  const notes =
    type === 'complaint'
      ? `Pengaduan penghuni: ${found.join('; ')}`
      : found.length > 0
        ? found.join('; ')
        : random.pick(['Kondisi baik', 'Unit bersih dan terawat', 'Tidak ada kerusakan']);
  const jitter = () => (random.next() - 0.5) * 0.0006;
  return {
    id: newId(),
    regionId: plan.unit.regionId,
    unitId: plan.unit.id,
    type,
    inspectedOn,
    conditionRating,
    notes,
    inspectorId: plan.inspectorId,
    latitude: Number((plan.site.latitude + jitter()).toFixed(6)),
    longitude: Number((plan.site.longitude + jitter()).toFixed(6)),
    gpsAccuracyM: random.int(40, 250) / 10,
    checklist,
    // 08:00–14:59 in Bandung (UTC+7).
    recordedAt: `${inspectedOn}T${String(random.int(1, 7)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`,
  };
}
