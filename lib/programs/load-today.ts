import "server-only";
import { db } from "@/lib/db";
import type { PrescribedDosage } from "@/lib/exercises/dosage-rules";
import { mediaUrl, type MediaRef } from "@/lib/exercises/exercise-view";
import type { Equipment, Position } from "@/lib/exercises/catalog";
import type { LogFact } from "./rules/adherence-rules";
import type { ProgramPlan } from "./rules/plan-rules";
import type { LocalDate } from "@/lib/time/calendar-rules";

/** What the Today page's rules read: the clinic, the patient's program, its plan and every log against it. */
export type TodayFacts = {
  clinic: { name: string; phone: string; timeZone: string };
  program: {
    id: string;
    currentVersion: number;
    plan: ProgramPlan;
    /** Every version's title, by version number (the page names the current one when nothing is due). */
    titles: Map<number, string>;
    /** In the order they were done, so the last of a day is the latest. */
    facts: Array<LogFact & { painBefore: number | null }>;
  } | null;
};

type FactsRow = {
  name: string;
  phone: string;
  timeZone: string;
  program: {
    id: string;
    currentVersion: number;
    endedOn: LocalDate | null;
    versions: Array<{
      version: number;
      title: string;
      effectiveFrom: LocalDate;
      startDate: LocalDate;
      endDate: LocalDate | null;
      items: Array<[exerciseId: string, timesPerDay: number, daysPerWeek: number]> | null;
    }> | null;
    logs: Array<[exerciseId: string, localDate: LocalDate, completed: boolean, painBefore: number | null]> | null;
  } | null;
};

/**
 * Everything Today's rules need, in one round trip: the clinic's name and
 * zone, the patient's program (the active one, else the newest, as before),
 * every version's plan and every log as compact JSON. As Prisma calls this was
 * seven queries and a row object with Dates per log (docs/decisions/078).
 * Scoped by the clinic on every table. Does not audit: getToday does.
 */
export async function loadTodayFacts(clinicId: string, patientId: string | null): Promise<TodayFacts | null> {
  const [row] = await db.$queryRaw<FactsRow[]>`
    WITH prog AS (
      SELECT p.id, p."currentVersion", p."endedOn" FROM "Program" p
      WHERE p."patientId" = ${patientId}::uuid AND p."clinicId" = ${clinicId}::uuid
      ORDER BY p.status ASC, p."createdAt" DESC
      LIMIT 1
    )
    SELECT c.name, c.phone, c."timeZone",
      (SELECT json_build_object(
         'id', prog.id, 'currentVersion', prog."currentVersion", 'endedOn', to_char(prog."endedOn", 'YYYY-MM-DD'),
         'versions', (SELECT json_agg(json_build_object(
                         'version', v.version, 'title', v.title,
                         'effectiveFrom', to_char(v."effectiveFrom", 'YYYY-MM-DD'),
                         'startDate', to_char(v."startDate", 'YYYY-MM-DD'),
                         'endDate', to_char(v."endDate", 'YYYY-MM-DD'),
                         'items', (SELECT json_agg(json_build_array(i."exerciseId", i."timesPerDay", i."daysPerWeek"))
                                   FROM "ProgramItem" i WHERE i."versionId" = v.id AND i."clinicId" = v."clinicId"))
                       ORDER BY v.version)
                      FROM "ProgramVersion" v WHERE v."programId" = prog.id AND v."clinicId" = c.id),
         'logs', (SELECT json_agg(json_build_array(l."exerciseId", to_char(l."localDate", 'YYYY-MM-DD'),
                                                   l.completed, l."painBefore")
                                  ORDER BY l."performedAt")
                  FROM "ExerciseLog" l WHERE l."programId" = prog.id AND l."clinicId" = c.id))
       FROM prog) AS program
    FROM "Clinic" c
    WHERE c.id = ${clinicId}::uuid`;
  if (!row) return null;
  const clinic = { name: row.name, phone: row.phone, timeZone: row.timeZone };
  const p = row.program;
  if (!p) return { clinic, program: null };
  const versions = p.versions ?? [];
  return {
    clinic,
    program: {
      id: p.id,
      currentVersion: p.currentVersion,
      plan: {
        endedOn: p.endedOn,
        versions: versions.map((v) => ({
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          startDate: v.startDate,
          endDate: v.endDate,
          items: (v.items ?? []).map(([exerciseId, timesPerDay, daysPerWeek]) => ({
            exerciseId,
            timesPerDay,
            daysPerWeek,
          })),
        })),
      },
      titles: new Map(versions.map((v) => [v.version, v.title])),
      facts: (p.logs ?? []).map(([exerciseId, localDate, completed, painBefore]) => ({
        exerciseId,
        localDate,
        completed,
        painBefore,
      })),
    },
  };
}

/** A prescribed item as the Today page shows it: the dosage and the parts of the exercise a patient reads. */
export type TodayVersionItem = {
  id: string;
  dosage: PrescribedDosage;
  exercise: {
    id: string;
    name: string;
    summary: string;
    position: Position;
    steps: string[];
    cues: string[];
    cautions: string[];
    figureKey: string | null;
    media: MediaRef | null;
    equipment: Equipment[];
  };
};

type ItemRow = PrescribedDosage & {
  id: string;
  exercise: Omit<TodayVersionItem["exercise"], "media"> & {
    media: Omit<MediaRef, "url"> | null;
  };
};

/**
 * One version's items in position order, with each exercise's current
 * picture or video (the newest upload not replaced), in one round trip.
 * Scoped by the clinic on every table.
 */
export async function loadTodayVersionItems(
  clinicId: string,
  programId: string,
  version: number,
): Promise<TodayVersionItem[]> {
  const [row] = await db.$queryRaw<Array<{ items: ItemRow[] | null }>>`
    SELECT (SELECT json_agg(json_build_object(
               'id', i.id, 'kind', i.kind, 'sets', i.sets, 'reps', i.reps, 'holdSeconds', i."holdSeconds",
               'minutes', i.minutes, 'timesPerDay', i."timesPerDay", 'daysPerWeek', i."daysPerWeek",
               'side', i.side, 'load', i.load, 'notes', i.notes,
               'exercise', json_build_object(
                 'id', e.id, 'name', e.name, 'summary', e.summary, 'position', e.position,
                 'steps', e.steps, 'cues', e.cues, 'cautions', e.cautions, 'figureKey', e."figureKey",
                 'equipment', e.equipment,
                 'media', (SELECT json_build_object('id', m.id, 'kind', m.kind, 'contentType', m."contentType",
                                                    'originalName', m."originalName")
                           FROM "ExerciseMedia" m
                           WHERE m."exerciseId" = e.id AND m."clinicId" = e."clinicId" AND m."replacedAt" IS NULL
                           ORDER BY m."createdAt" DESC LIMIT 1)))
             ORDER BY i.position)
            FROM "ProgramVersion" v
            JOIN "ProgramItem" i ON i."versionId" = v.id AND i."clinicId" = v."clinicId"
            JOIN "Exercise" e ON e.id = i."exerciseId" AND e."clinicId" = i."clinicId"
            WHERE v."programId" = ${programId}::uuid AND v."clinicId" = ${clinicId}::uuid
              AND v.version = ${version}) AS items`;
  return (row?.items ?? []).map(({ id, exercise, ...dosage }) => ({
    id,
    dosage: {
      kind: dosage.kind,
      sets: dosage.sets,
      reps: dosage.reps,
      holdSeconds: dosage.holdSeconds,
      minutes: dosage.minutes,
      timesPerDay: dosage.timesPerDay,
      daysPerWeek: dosage.daysPerWeek,
      side: dosage.side,
      load: dosage.load,
      notes: dosage.notes,
    },
    exercise: {
      ...exercise,
      media: exercise.media ? { ...exercise.media, url: mediaUrl(exercise.media.id) } : null,
    },
  }));
}
