/**
 * Which prescription is in force on a given day. A program keeps every version;
 * a version applies from the day it was saved (the first one from the program's
 * start) until the next one, and only between its own start and end dates.
 */
import type { LocalDate } from "@/lib/time/calendar-rules";

export type PlanItem = { exerciseId: string; timesPerDay: number; daysPerWeek: number };
export type PlanVersion = {
  version: number;
  /** The clinic-local day the version was saved: it governs from that day on. */
  effectiveFrom: LocalDate;
  startDate: LocalDate;
  endDate: LocalDate | null;
  items: PlanItem[];
};
export type ProgramPlan = { versions: PlanVersion[]; endedOn: LocalDate | null };

export function versionOnDay(plan: ProgramPlan, day: LocalDate): PlanVersion | null {
  if (plan.endedOn && day > plan.endedOn) return null;
  const versions = [...plan.versions].sort((a, b) => a.version - b.version);
  if (!versions.length) return null;
  // Days before the first save (a back-dated start) follow the first version.
  let inForce = versions[0]!;
  for (const v of versions) if (v.effectiveFrom <= day) inForce = v;
  if (day < inForce.startDate) return null;
  if (inForce.endDate && day > inForce.endDate) return null;
  return inForce;
}

export function itemsOnDay(plan: ProgramPlan, day: LocalDate): PlanItem[] {
  return versionOnDay(plan, day)?.items ?? [];
}

/** The first day any version is in force: where history and weekly tables begin. */
export function planStart(plan: ProgramPlan): LocalDate | null {
  if (!plan.versions.length) return null;
  return plan.versions.reduce((min, v) => (v.startDate < min ? v.startDate : min), plan.versions[0]!.startDate);
}
