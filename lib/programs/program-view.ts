import { describeDosage, type PrescribedDosage } from "@/lib/exercises/dosage-rules";
import { exerciseSelect, toExerciseView, type ExerciseView } from "@/lib/exercises/exercise-view";
import type { LocalDate } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";

export const itemSelect = {
  id: true,
  position: true,
  kind: true,
  sets: true,
  reps: true,
  holdSeconds: true,
  minutes: true,
  timesPerDay: true,
  daysPerWeek: true,
  side: true,
  load: true,
  notes: true,
  exercise: { select: exerciseSelect },
} as const;

type ItemRow = {
  id: string;
  position: number;
  kind: PrescribedDosage["kind"];
  sets: number | null;
  reps: number | null;
  holdSeconds: number | null;
  minutes: number | null;
  timesPerDay: number;
  daysPerWeek: number;
  side: PrescribedDosage["side"];
  load: string | null;
  notes: string | null;
  exercise: Parameters<typeof toExerciseView>[0];
};

export type ProgramItemView = {
  id: string;
  position: number;
  exercise: ExerciseView;
  dosage: PrescribedDosage;
  dosageText: string;
};

export function toItemView(row: ItemRow): ProgramItemView {
  const dosage: PrescribedDosage = {
    kind: row.kind,
    sets: row.sets,
    reps: row.reps,
    holdSeconds: row.holdSeconds,
    minutes: row.minutes,
    timesPerDay: row.timesPerDay,
    daysPerWeek: row.daysPerWeek,
    side: row.side,
    load: row.load,
    notes: row.notes,
  };
  return {
    id: row.id,
    position: row.position,
    exercise: toExerciseView(row.exercise),
    dosage,
    dosageText: describeDosage(dosage),
  };
}

/** The dosage columns of a program or template item. */
export function dosageColumns(d: PrescribedDosage) {
  return {
    kind: d.kind,
    sets: d.sets,
    reps: d.reps,
    holdSeconds: d.holdSeconds,
    minutes: d.minutes,
    timesPerDay: d.timesPerDay,
    daysPerWeek: d.daysPerWeek,
    side: d.side,
    load: d.load,
    notes: d.notes,
  };
}

export const versionSelect = {
  id: true,
  version: true,
  title: true,
  startDate: true,
  endDate: true,
  effectiveFrom: true,
  changeNote: true,
  createdByName: true,
  createdAt: true,
  items: { orderBy: { position: "asc" }, select: itemSelect },
} as const;

type VersionRow = {
  id: string;
  version: number;
  title: string;
  startDate: Date;
  endDate: Date | null;
  effectiveFrom: Date;
  changeNote: string | null;
  createdByName: string;
  createdAt: Date;
  items: ItemRow[];
};

export type ProgramVersionView = {
  id: string;
  version: number;
  title: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
  effectiveFrom: LocalDate;
  changeNote: string | null;
  createdByName: string;
  createdAt: string;
  items: ProgramItemView[];
};

export function toVersionView(v: VersionRow): ProgramVersionView {
  return {
    id: v.id,
    version: v.version,
    title: v.title,
    startDate: localDateOfDateColumn(v.startDate),
    endDate: v.endDate ? localDateOfDateColumn(v.endDate) : null,
    effectiveFrom: localDateOfDateColumn(v.effectiveFrom),
    changeNote: v.changeNote,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
    items: v.items.map(toItemView),
  };
}

export type VersionSummary = {
  version: number;
  title: string;
  createdByName: string;
  createdAt: string;
  effectiveFrom: LocalDate;
  changeNote: string | null;
  itemCount: number;
  logCount: number;
};

export type ProgramView = {
  id: string;
  patientId: string;
  status: "active" | "ended";
  currentVersion: number;
  endedOn: LocalDate | null;
  current: ProgramVersionView;
  versions: VersionSummary[];
};
