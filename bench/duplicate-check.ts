import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeNik } from '../api/seed/identity-numbers';
import { openSqliteStorage } from '../api/storage/sqlite/sqlite-storage';
import { flagDuplicateNiks } from '../api/sync/duplicate-nik';
import type { Bench, BenchRow } from './bench-row';

/**
 * The duplicate-NIK check (S24) that every household a push writes runs in the push's
 * transaction: its head's and members' NIKs looked up among the households of every region.
 * Timed with N households stored and with 100 × N; the member lookup also as the scan it was
 * before the member-NIK index (decision 022), on the same file.
 */
const membersPerHousehold = 3;

/** Distinct for each household (below 500,000) and member: the year and serial name the household, the day the member. */
function nik(household: number, member: number): string {
  const year = 1950 + Math.floor(household / 10_000);
  return makeNik('327302', `${year}-0${1 + member}-1${member}`, member % 2 ? 'male' : 'female', household % 10_000);
}

function household(i: number): Record<string, unknown> {
  return {
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    regionId: `region-${i % 100}`,
    headName: `Kepala Keluarga ${i}`,
    headNik: nik(i, 0),
    kkNumber: '3273021512200001',
    birthDate: '1980-01-01',
    sex: 'male',
    maritalStatus: 'married',
    phone: '',
    currentHousing: 'renting',
    currentAddress: `Jl. Sukajadi No. ${i}`,
    hasLocalIdCard: true,
    ownsHouse: false,
    headOccupation: 'Buruh',
    headIncome: { amount: 2_500_000, period: 'month' },
    members: Array.from({ length: membersPerHousehold }, (_, m) => ({ key: `m${m + 1}`, name: `Anggota ${m + 1}`, nik: nik(i, m + 1), relationship: 'child', age: 10 + m, occupation: 'Pelajar', income: null })),
    registeredBy: 'bench',
    version: i + 1,
    deleted: false,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'bench',
  };
}

/** Median of 9 batches of 50, in ms per call; `run` is given a fresh index each call. */
async function medianMs(run: (i: number) => Promise<unknown>): Promise<number> {
  const batches: number[] = [];
  let i = 0;
  await run(i++);
  for (let batch = 0; batch < 9; batch++) {
    const started = performance.now();
    for (let n = 0; n < 50; n++) await run(i++);
    batches.push((performance.now() - started) / 50);
  }
  batches.sort((a, b) => a - b);
  return batches[4]!;
}

async function measure(households: number) {
  const storage = openSqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-duplicates-')), 'db.sqlite'));
  try {
    for (let start = 0; start < households; start += 5_000) {
      await storage.transaction(async (tx) => {
        for (let i = start; i < Math.min(households, start + 5_000); i++) await tx.writeRecord('households', household(i));
      });
    }
    // A new household whose NIKs no other names: the common case, and the whole lookup.
    const check = await storage.transaction(async (tx) =>
      medianMs(async (i) => {
        const written = await flagDuplicateNiks(tx, household(households + 1 + i), '2026-11-26T00:00:00.000Z');
        if (written !== 0) throw new Error('the bench household was flagged: its NIKs are meant to be new');
      }),
    );
    // The member lookup as it was: every household's members read for the NIKs (instr first).
    const scan = storage.sqlite.prepare(
      `select id from households where deleted = 0 and (instr(members, ?) > 0 or instr(members, ?) > 0 or instr(members, ?) > 0 or instr(members, ?) > 0)
       and exists (select 1 from json_each(members) item where json_extract(item.value, '$.nik') in (?, ?, ?, ?))`,
    );
    const scanMs = await medianMs(async (i) => {
      const niks = Array.from({ length: membersPerHousehold + 1 }, (_, m) => nik(households + 1 + i, m));
      return scan.all(...niks.map((n) => JSON.stringify(n)), ...niks);
    });
    return { check, scanMs };
  } finally {
    storage.close();
  }
}

export const bench: Bench = async ({ smoke }) => {
  const small = smoke ? 100 : 1_000;
  const large = smoke ? 1_000 : 100_000;
  const a = await measure(small);
  const b = await measure(large);
  const name = `duplicate-NIK check (${small.toLocaleString('en-US')} vs ${large.toLocaleString('en-US')} households)`;
  const ratio = b.check / a.check;
  const rows: BenchRow[] = [
    {
      benchmark: name,
      metric: `one household's check (${membersPerHousehold + 1} NIKs, all regions), ${large.toLocaleString('en-US')} households`,
      value: b.check,
      unit: 'ms',
      baseline: a.check,
      baselineLabel: `${small.toLocaleString('en-US')} households`,
      goal: '≤ 1.5 × fewer households',
      met: ratio <= 1.5,
      note: `${ratio <= 1.5 ? '' : `${ratio.toFixed(2)}× (goal 1.5×): the lookups are index seeks, whose depth and pages read grow with the log of the table. `}Median of 9 batches of 50, in one transaction.`,
    },
    {
      benchmark: name,
      metric: `one household's check with the member-NIK index, ${large.toLocaleString('en-US')} households`,
      value: b.check,
      unit: 'ms',
      baseline: b.scanMs,
      baselineLabel: 'its member lookup alone, as the scan of every household it was before decision 022',
      goal: 'reported',
      met: true,
      note: `${(b.scanMs / b.check).toFixed(0)}× faster than the scan alone. The scan took ${a.scanMs.toFixed(2)} ms with ${small.toLocaleString('en-US')} households and ${b.scanMs.toFixed(1)} ms with ${large.toLocaleString('en-US')}, inside the push's write transaction, where every other push waits.`,
    },
  ];
  return rows;
};
