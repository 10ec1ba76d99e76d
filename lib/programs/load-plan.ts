import "server-only";
import { db } from "@/lib/db";
import type { LogFact } from "./rules/adherence-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import type { PainFact } from "./rules/pain-rules";
import type { ProgramPlan } from "./rules/plan-rules";

export const planVersionSelect = {
  version: true,
  effectiveFrom: true,
  startDate: true,
  endDate: true,
  items: { select: { exerciseId: true, timesPerDay: true, daysPerWeek: true } },
} as const;

type PlanRow = {
  endedOn: Date | null;
  versions: Array<{
    version: number;
    effectiveFrom: Date;
    startDate: Date;
    endDate: Date | null;
    items: Array<{ exerciseId: string; timesPerDay: number; daysPerWeek: number }>;
  }>;
};

/** Database rows to the plain data the pure rules take. */
export function toPlan(row: PlanRow): ProgramPlan {
  return {
    endedOn: row.endedOn ? localDateOfDateColumn(row.endedOn) : null,
    versions: row.versions.map((v) => ({
      version: v.version,
      effectiveFrom: localDateOfDateColumn(v.effectiveFrom),
      startDate: localDateOfDateColumn(v.startDate),
      endDate: v.endDate ? localDateOfDateColumn(v.endDate) : null,
      items: v.items,
    })),
  };
}

export type LogRow = {
  exerciseId: string;
  localDate: Date;
  completed: boolean;
  painBefore: number | null;
  painAfter: number | null;
};

export const logFactSelect = {
  exerciseId: true,
  localDate: true,
  completed: true,
  painBefore: true,
  painAfter: true,
} as const;

export function toFacts(rows: LogRow[]): Array<LogFact & PainFact> {
  return rows.map((r) => ({
    exerciseId: r.exerciseId,
    localDate: localDateOfDateColumn(r.localDate),
    completed: r.completed,
    painBefore: r.painBefore,
    painAfter: r.painAfter,
  }));
}

/** A program's plan and every log made against it. */
export async function loadPlanAndLogs(programId: string, clinicId: string) {
  const [program, logs] = await Promise.all([
    db.program.findFirstOrThrow({
      where: { id: programId, clinicId },
      select: { endedOn: true, versions: { select: planVersionSelect } },
    }),
    db.exerciseLog.findMany({ where: { programId, clinicId }, select: logFactSelect, orderBy: { performedAt: "asc" } }),
  ]);
  return { plan: toPlan(program), facts: toFacts(logs) };
}
