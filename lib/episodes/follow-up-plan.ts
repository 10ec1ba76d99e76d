import { localDateOfDateColumn } from "@/lib/time/date-column";
import type { FollowUpPlan } from "./follow-up-rules";

/** An episode row's plan as the follow-up rules read it (DATE columns to clinic-local days). */
export function followUpPlanOf(e: {
  visitsPerWeek: number;
  startDate: Date;
  plannedEndDate: Date;
  lastReevaluatedOn: Date | null;
}): FollowUpPlan {
  return {
    visitsPerWeek: e.visitsPerWeek,
    startDate: localDateOfDateColumn(e.startDate),
    plannedEndDate: localDateOfDateColumn(e.plannedEndDate),
    lastReevaluatedOn: e.lastReevaluatedOn ? localDateOfDateColumn(e.lastReevaluatedOn) : null,
  };
}
