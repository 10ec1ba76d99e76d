import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { defaultDosageColumns } from "@/lib/exercises/exercise-view";
import { STARTER_EXERCISES } from "@/lib/exercises/starter-library";
import type { LocalDate } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";

/** Exercise and program rows made straight in the database, for tests that need history the API would refuse (back-dated). */
export async function createExercise(clinicId: string, overrides: Partial<{ name: string; archived: boolean }> = {}) {
  const base = STARTER_EXERCISES[0]!;
  const { defaultDosage, ...fields } = base;
  return db.exercise.create({
    data: {
      ...fields,
      ...defaultDosageColumns(defaultDosage),
      name: overrides.name ?? `Exercise ${randomBytes(3).toString("hex")}`,
      clinicId,
      archivedAt: overrides.archived ? new Date() : null,
    },
  });
}

export async function createExercises(clinicId: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await createExercise(clinicId));
  return out;
}

type ItemSpec = { exerciseId: string; timesPerDay?: number; daysPerWeek?: number };

/** A program with one version whose dates and effective day are chosen by the test. */
export async function createProgramDirect(
  clinicId: string,
  patientId: string,
  opts: {
    startDate: LocalDate;
    effectiveFrom?: LocalDate;
    endDate?: LocalDate | null;
    items: ItemSpec[];
    createdByName?: string;
  },
) {
  return db.program.create({
    data: {
      clinicId,
      patientId,
      versions: {
        create: {
          version: 1,
          title: "Test program",
          startDate: dateColumnOf(opts.startDate),
          endDate: opts.endDate ? dateColumnOf(opts.endDate) : null,
          effectiveFrom: dateColumnOf(opts.effectiveFrom ?? opts.startDate),
          createdByName: opts.createdByName ?? "Test Therapist",
          items: {
            create: opts.items.map((it, position) => ({
              exerciseId: it.exerciseId,
              position,
              kind: "reps" as const,
              sets: 1,
              reps: 10,
              timesPerDay: it.timesPerDay ?? 1,
              daysPerWeek: it.daysPerWeek ?? 7,
            })),
          },
        },
      },
    },
    include: { versions: { include: { items: true } } },
  });
}

/** A completed log on a clinic-local day, at noon UTC (inside that day for zones within +/-11 h). */
export async function createLogDirect(
  program: {
    id: string;
    clinicId: string;
    patientId: string;
    versions: Array<{ id: string; items: Array<{ id: string; exerciseId: string }> }>;
  },
  itemIndex: number,
  localDate: LocalDate,
  extra: Partial<{ completed: boolean; painBefore: number; painAfter: number }> = {},
) {
  const version = program.versions[0]!;
  const item = version.items[itemIndex]!;
  return db.exerciseLog.create({
    data: {
      clinicId: program.clinicId,
      patientId: program.patientId,
      programId: program.id,
      versionId: version.id,
      itemId: item.id,
      exerciseId: item.exerciseId,
      clientKey: randomUUID(),
      completed: extra.completed ?? true,
      performedAt: new Date(`${localDate}T12:00:00Z`),
      localDate: dateColumnOf(localDate),
      painBefore: extra.painBefore ?? null,
      painAfter: extra.painAfter ?? null,
    },
  });
}

/** A program item body for the save API. */
export function itemInput(exerciseId: string, dosage: Record<string, unknown> = {}) {
  return { exerciseId, dosage: { kind: "reps", sets: 2, reps: 10, timesPerDay: 1, daysPerWeek: 7, ...dosage } };
}
