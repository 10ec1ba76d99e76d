import "server-only";
import { db } from "@/lib/db";
import { loadPlanAndLogs } from "./load-plan";
import { recentAdherence, weeklyAdherence, type WeekRow } from "./rules/adherence-rules";
import { addDays, type LocalDate } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { currentStreak } from "./rules/due-today-rules";
import { dailyPain, painfulExercises, type DailyPain } from "./rules/pain-rules";
import { planStart } from "./rules/plan-rules";

export const HISTORY_WEEKS = 12;

export type RecentLog = {
  id: string;
  localDate: LocalDate;
  performedAt: string;
  exerciseName: string;
  version: number;
  completed: boolean;
  setsDone: number | null;
  repsDone: number | null;
  holdSecondsDone: number | null;
  minutesDone: number | null;
  painBefore: number | null;
  painAfter: number | null;
  difficulty: "easy" | "about_right" | "hard" | null;
};

export type PainFlagView = {
  exerciseId: string;
  exerciseName: string;
  rated: number;
  flagged: number;
  largestRise: number;
  lastFlaggedOn: LocalDate;
};

export type ProgramInsights = {
  weeks: WeekRow[];
  pain: DailyPain[];
  streak: number;
  lastActivity: LocalDate | null;
  recent: RecentLog[];
  recentTally: ReturnType<typeof recentAdherence>;
  painFlags: PainFlagView[];
};

/** Everything the history and follow-up pages show about one program, computed by the pure rules. */
export async function programInsights(programId: string, clinicId: string, today: LocalDate): Promise<ProgramInsights> {
  const [{ plan, facts }, recentRows] = await Promise.all([
    loadPlanAndLogs(programId, clinicId),
    db.exerciseLog.findMany({
      where: { programId, clinicId },
      orderBy: [{ performedAt: "desc" }],
      take: 40,
      select: {
        id: true,
        localDate: true,
        performedAt: true,
        completed: true,
        setsDone: true,
        repsDone: true,
        holdSecondsDone: true,
        minutesDone: true,
        painBefore: true,
        painAfter: true,
        difficulty: true,
        exercise: { select: { name: true } },
        version: { select: { version: true } },
      },
    }),
  ]);
  const start = planStart(plan) ?? today;
  const earliestWeek = addDays(today, -7 * (HISTORY_WEEKS - 1));
  const weeks = weeklyAdherence(plan, facts, start > earliestWeek ? start : earliestWeek, today);
  const flags = painfulExercises(facts, addDays(today, -13));
  const names = new Map(
    (
      await db.exercise.findMany({
        where: { id: { in: flags.map((f) => f.exerciseId) }, clinicId },
        select: { id: true, name: true },
      })
    ).map((e) => [e.id, e.name]),
  );
  const lastActivity = facts.reduce<LocalDate | null>(
    (max, f) => (max === null || f.localDate > max ? f.localDate : max),
    null,
  );
  return {
    weeks,
    pain: dailyPain(facts.filter((f) => f.localDate >= addDays(today, -7 * HISTORY_WEEKS))),
    streak: currentStreak(plan, facts, today),
    lastActivity,
    recent: recentRows.map((r) => ({
      id: r.id,
      localDate: localDateOfDateColumn(r.localDate),
      performedAt: r.performedAt.toISOString(),
      exerciseName: r.exercise.name,
      version: r.version.version,
      completed: r.completed,
      setsDone: r.setsDone,
      repsDone: r.repsDone,
      holdSecondsDone: r.holdSecondsDone,
      minutesDone: r.minutesDone,
      painBefore: r.painBefore,
      painAfter: r.painAfter,
      difficulty: r.difficulty,
    })),
    recentTally: recentAdherence(plan, facts, today),
    painFlags: flags.map((f) => ({ ...f, exerciseName: names.get(f.exerciseId) ?? "Exercise" })),
  };
}
