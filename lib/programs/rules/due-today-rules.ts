/**
 * What the patient's "Today" list shows. An exercise prescribed on fewer than
 * seven days a week has a weekly goal, not fixed days: it is due every day
 * until the goal for the week is met, then shown as done for the week (the
 * patient may still do it).
 */
import { eachDay, startOfWeek, type LocalDate } from "@/lib/time/calendar-rules";
import type { LogFact } from "./adherence-rules";
import { planStart, versionOnDay, type PlanItem, type PlanVersion, type ProgramPlan } from "./plan-rules";

export type DueStatus = "due" | "done_today" | "weekly_goal_met";

export type DueItem = {
  exerciseId: string;
  status: DueStatus;
  doneToday: number;
  remainingToday: number;
  /** Days before today, this week, with at least one completed session. */
  daysDoneThisWeek: number;
};

export type TodayPlan =
  | { state: "active"; version: number; items: DueItem[] }
  | { state: "not_started"; startsOn: LocalDate }
  | { state: "ended" };

function daysDoneBefore(logs: LogFact[], exerciseId: string, weekStart: LocalDate, day: LocalDate): number {
  const days = new Set<string>();
  for (const l of logs) {
    if (l.completed && l.exerciseId === exerciseId && l.localDate >= weekStart && l.localDate < day)
      days.add(l.localDate);
  }
  return days.size;
}

export function dueItem(item: PlanItem, logs: LogFact[], day: LocalDate): DueItem {
  const doneToday = logs.filter((l) => l.completed && l.exerciseId === item.exerciseId && l.localDate === day).length;
  const daysDoneThisWeek = daysDoneBefore(logs, item.exerciseId, startOfWeek(day), day);
  const status: DueStatus =
    doneToday >= item.timesPerDay ? "done_today" : daysDoneThisWeek >= item.daysPerWeek ? "weekly_goal_met" : "due";
  return {
    exerciseId: item.exerciseId,
    status,
    doneToday,
    remainingToday: Math.max(0, item.timesPerDay - doneToday),
    daysDoneThisWeek,
  };
}

export function todayPlan(plan: ProgramPlan, logs: LogFact[], today: LocalDate): TodayPlan {
  const version: PlanVersion | null = versionOnDay(plan, today);
  if (version)
    return { state: "active", version: version.version, items: version.items.map((i) => dueItem(i, logs, today)) };
  const latest = [...plan.versions].sort((a, b) => b.version - a.version)[0];
  if (!plan.endedOn && latest && today < latest.startDate) return { state: "not_started", startsOn: latest.startDate };
  return { state: "ended" };
}

/** True when something was due on `day` that the patient could have done (used by the streak). */
function anythingDueOn(plan: ProgramPlan, logs: LogFact[], day: LocalDate): boolean {
  const version = versionOnDay(plan, day);
  if (!version) return false;
  return version.items.some((i) => daysDoneBefore(logs, i.exerciseId, startOfWeek(day), day) < i.daysPerWeek);
}

/**
 * Days in a row with at least one exercise done. Today only adds (it is not
 * over yet); a day with nothing due (weekly goals met, or outside the program)
 * neither adds nor breaks the run.
 */
export function currentStreak(plan: ProgramPlan, logs: LogFact[], today: LocalDate): number {
  const active = new Set(logs.filter((l) => l.completed).map((l) => l.localDate));
  const first = planStart(plan);
  if (!first) return 0;
  let streak = 0;
  const days = eachDay(first, today).reverse();
  for (const day of days) {
    if (active.has(day)) streak++;
    else if (day === today || !anythingDueOn(plan, logs, day)) continue;
    else break;
  }
  return streak;
}
