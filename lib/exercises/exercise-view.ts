import type { BodyArea, Equipment, Position } from "./catalog";
import { describeDosage, type Dosage } from "./dosage-rules";

/** The columns every exercise read selects (the current upload only). */
export const exerciseSelect = {
  id: true,
  name: true,
  summary: true,
  bodyArea: true,
  position: true,
  equipment: true,
  targetMuscles: true,
  steps: true,
  cues: true,
  cautions: true,
  figureKey: true,
  starter: true,
  archivedAt: true,
  updatedAt: true,
  defaultKind: true,
  defaultSets: true,
  defaultReps: true,
  defaultHoldSeconds: true,
  defaultMinutes: true,
  defaultTimesPerDay: true,
  defaultDaysPerWeek: true,
  defaultSide: true,
  defaultLoad: true,
  media: {
    where: { replacedAt: null },
    select: { id: true, kind: true, contentType: true, originalName: true },
    take: 1,
  },
} as const;

type ExerciseRow = {
  id: string;
  name: string;
  summary: string;
  bodyArea: BodyArea;
  position: Position;
  equipment: Equipment[];
  targetMuscles: string[];
  steps: string[];
  cues: string[];
  cautions: string[];
  figureKey: string | null;
  starter: boolean;
  archivedAt: Date | null;
  updatedAt: Date;
  defaultKind: Dosage["kind"];
  defaultSets: number | null;
  defaultReps: number | null;
  defaultHoldSeconds: number | null;
  defaultMinutes: number | null;
  defaultTimesPerDay: number;
  defaultDaysPerWeek: number;
  defaultSide: Dosage["side"];
  defaultLoad: string | null;
  media: Array<{ id: string; kind: "image" | "video"; contentType: string; originalName: string }>;
};

export type MediaRef = { id: string; kind: "image" | "video"; contentType: string; originalName: string; url: string };

export type ExerciseView = {
  id: string;
  name: string;
  summary: string;
  bodyArea: BodyArea;
  position: Position;
  equipment: Equipment[];
  targetMuscles: string[];
  steps: string[];
  cues: string[];
  cautions: string[];
  figureKey: string | null;
  starter: boolean;
  archived: boolean;
  updatedAt: string;
  defaultDosage: Dosage;
  defaultDosageText: string;
  media: MediaRef | null;
};

export const mediaUrl = (id: string) => `/api/exercise-media/${id}`;

export function toExerciseView(row: ExerciseRow): ExerciseView {
  const defaultDosage: Dosage = {
    kind: row.defaultKind,
    sets: row.defaultSets,
    reps: row.defaultReps,
    holdSeconds: row.defaultHoldSeconds,
    minutes: row.defaultMinutes,
    timesPerDay: row.defaultTimesPerDay,
    daysPerWeek: row.defaultDaysPerWeek,
    side: row.defaultSide,
    load: row.defaultLoad,
  };
  const media = row.media[0];
  return {
    id: row.id,
    name: row.name,
    summary: row.summary,
    bodyArea: row.bodyArea,
    position: row.position,
    equipment: row.equipment,
    targetMuscles: row.targetMuscles,
    steps: row.steps,
    cues: row.cues,
    cautions: row.cautions,
    figureKey: row.figureKey,
    starter: row.starter,
    archived: row.archivedAt !== null,
    updatedAt: row.updatedAt.toISOString(),
    defaultDosage,
    defaultDosageText: describeDosage(defaultDosage),
    media: media ? { ...media, url: mediaUrl(media.id) } : null,
  };
}

/** The library's default-dosage columns from a checked dosage. */
export function defaultDosageColumns(d: Dosage) {
  return {
    defaultKind: d.kind,
    defaultSets: d.sets,
    defaultReps: d.reps,
    defaultHoldSeconds: d.holdSeconds,
    defaultMinutes: d.minutes,
    defaultTimesPerDay: d.timesPerDay,
    defaultDaysPerWeek: d.daysPerWeek,
    defaultSide: d.side,
    defaultLoad: d.load,
  };
}
