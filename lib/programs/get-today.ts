import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { holdTimerSeconds } from "@/lib/exercises/dosage-rules";
import type { ExerciseView } from "@/lib/exercises/exercise-view";
import type { PrescribedDosage } from "@/lib/exercises/dosage-rules";
import { loadPlanAndLogs } from "./load-plan";
import { clinicClock } from "./program-access";
import { toItemView, versionSelect } from "./program-view";
import { adherenceBetween } from "./rules/adherence-rules";
import { startOfWeek, type LocalDate } from "@/lib/time/calendar-rules";
import { formatLongDay } from "@/lib/time/format";
import { currentStreak, todayPlan, type DueStatus } from "./rules/due-today-rules";

export type TodayItem = {
  itemId: string;
  status: DueStatus;
  doneToday: number;
  remainingToday: number;
  daysDoneThisWeek: number;
  exercise: Pick<
    ExerciseView,
    "id" | "name" | "summary" | "position" | "steps" | "cues" | "cautions" | "figureKey" | "media" | "equipment"
  >;
  dosage: PrescribedDosage;
  dosageText: string;
  holdSeconds: number | null;
};

export type TodayView = {
  /** The zone every time on the page is shown in. */
  clinic: { name: string; phone: string; timeZone: string };
  today: LocalDate;
  todayLabel: string;
  state: "none" | "active" | "not_started" | "ended";
  startsOn: LocalDate | null;
  startsOnLabel: string | null;
  program: { id: string; version: number; title: string } | null;
  items: TodayItem[];
  streak: number;
  week: { done: number; prescribed: number };
  /** The pain the patient last rated before exercising today, to pre-fill the check-in. */
  painBeforeToday: number | null;
};

/** The signed-in patient's exercises due today, in the clinic's time zone. */
export async function getToday(actor: Actor, options: { now?: Date } = {}): Promise<TodayView> {
  await assertCan(actor, "program:read:own");
  const clock = await clinicClock(actor.clinicId, options.now);
  const base: TodayView = {
    clinic: { name: clock.name, phone: clock.phone, timeZone: clock.timeZone },
    today: clock.today,
    todayLabel: formatLongDay(clock.today),
    state: "none",
    startsOn: null,
    startsOnLabel: null,
    program: null,
    items: [],
    streak: 0,
    week: { done: 0, prescribed: 0 },
    painBeforeToday: null,
  };
  if (!actor.patientId) return base;
  const program = await db.program.findFirst({
    where: { patientId: actor.patientId, clinicId: actor.clinicId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, currentVersion: true },
  });
  if (!program) return base;
  await recordAudit(actor, {
    action: "program.read",
    patientId: actor.patientId,
    recordType: "Program",
    recordId: program.id,
    details: { view: "today" },
  });
  const { plan, facts } = await loadPlanAndLogs(program.id, actor.clinicId);
  const due = todayPlan(plan, facts, clock.today);
  const streak = currentStreak(plan, facts, clock.today);
  const week = adherenceBetween(plan, facts, startOfWeek(clock.today), clock.today);
  const painToday = facts.filter((f) => f.localDate === clock.today && f.painBefore !== null);
  const common = {
    ...base,
    streak,
    week: { done: week.done, prescribed: week.prescribed },
    painBeforeToday: painToday.at(-1)?.painBefore ?? null,
  };
  if (due.state !== "active") {
    const current = await db.programVersion.findUniqueOrThrow({
      where: {
        clinicId_programId_version: {
          clinicId: actor.clinicId,
          programId: program.id,
          version: program.currentVersion,
        },
      },
      select: { version: true, title: true },
    });
    return {
      ...common,
      state: due.state,
      startsOn: due.state === "not_started" ? due.startsOn : null,
      startsOnLabel: due.state === "not_started" ? formatLongDay(due.startsOn) : null,
      program: { id: program.id, ...current },
    };
  }
  const version = await db.programVersion.findUniqueOrThrow({
    where: { clinicId_programId_version: { clinicId: actor.clinicId, programId: program.id, version: due.version } },
    select: versionSelect,
  });
  const status = new Map(due.items.map((d) => [d.exerciseId, d]));
  return {
    ...common,
    state: "active",
    program: { id: program.id, version: version.version, title: version.title },
    items: version.items.map((row) => {
      const item = toItemView(row);
      const d = status.get(item.exercise.id)!;
      const e = item.exercise;
      return {
        itemId: item.id,
        status: d.status,
        doneToday: d.doneToday,
        remainingToday: d.remainingToday,
        daysDoneThisWeek: d.daysDoneThisWeek,
        exercise: {
          id: e.id,
          name: e.name,
          summary: e.summary,
          position: e.position,
          steps: e.steps,
          cues: e.cues,
          cautions: e.cautions,
          figureKey: e.figureKey,
          media: e.media,
          equipment: e.equipment,
        },
        dosage: item.dosage,
        dosageText: item.dosageText,
        holdSeconds: holdTimerSeconds(item.dosage),
      };
    }),
  };
}
