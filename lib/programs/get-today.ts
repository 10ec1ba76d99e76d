import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { describeDosage, holdTimerSeconds, type PrescribedDosage } from "@/lib/exercises/dosage-rules";
import type { ExerciseView } from "@/lib/exercises/exercise-view";
import { loadTodayFacts, loadTodayVersionItems } from "./load-today";
import { adherenceBetween } from "./rules/adherence-rules";
import { startOfWeek, todayIn, type LocalDate } from "@/lib/time/calendar-rules";
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
  // Two reads and the audit row, the last two side by side (docs/decisions/078): as Prisma
  // calls it was ten reads, one after another, on the page a patient opens most.
  const loaded = await loadTodayFacts(actor.clinicId, actor.patientId);
  if (!loaded) throw notFound("That clinic");
  const today = todayIn(loaded.clinic.timeZone, options.now ?? new Date());
  const base: TodayView = {
    clinic: { name: loaded.clinic.name, phone: loaded.clinic.phone, timeZone: loaded.clinic.timeZone },
    today,
    todayLabel: formatLongDay(today),
    state: "none",
    startsOn: null,
    startsOnLabel: null,
    program: null,
    items: [],
    streak: 0,
    week: { done: 0, prescribed: 0 },
    painBeforeToday: null,
  };
  const program = actor.patientId ? loaded.program : null;
  if (!program) return base;
  const { plan, facts } = program;
  const due = todayPlan(plan, facts, today);
  const streak = currentStreak(plan, facts, today);
  const week = adherenceBetween(plan, facts, startOfWeek(today), today);
  const painToday = facts.filter((f) => f.localDate === today && f.painBefore !== null);
  const common = {
    ...base,
    streak,
    week: { done: week.done, prescribed: week.prescribed },
    painBeforeToday: painToday.at(-1)?.painBefore ?? null,
  };
  const audit = recordAudit(actor, {
    action: "program.read",
    patientId: actor.patientId,
    recordType: "Program",
    recordId: program.id,
    details: { view: "today" },
  });
  if (due.state !== "active") {
    await audit;
    const version = program.currentVersion;
    return {
      ...common,
      state: due.state,
      startsOn: due.state === "not_started" ? due.startsOn : null,
      startsOnLabel: due.state === "not_started" ? formatLongDay(due.startsOn) : null,
      program: { id: program.id, version, title: program.titles.get(version) ?? "" },
    };
  }
  const [, rows] = await Promise.all([audit, loadTodayVersionItems(actor.clinicId, program.id, due.version)]);
  const status = new Map(due.items.map((d) => [d.exerciseId, d]));
  return {
    ...common,
    state: "active",
    program: { id: program.id, version: due.version, title: program.titles.get(due.version) ?? "" },
    items: rows.map((row) => {
      const d = status.get(row.exercise.id)!;
      return {
        itemId: row.id,
        status: d.status,
        doneToday: d.doneToday,
        remainingToday: d.remainingToday,
        daysDoneThisWeek: d.daysDoneThisWeek,
        exercise: row.exercise,
        dosage: row.dosage,
        dosageText: describeDosage(row.dosage),
        holdSeconds: holdTimerSeconds(row.dosage),
      };
    }),
  };
}
