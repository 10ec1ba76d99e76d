import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { monitoringThresholdSchema } from "./monitoring-threshold-schema";

const thresholdSelect = { id: true, label: true, minDays: true, periodDays: true, source: true } as const;
export type MonitoringThresholdRow = { id: string; label: string; minDays: number; periodDays: number; source: string };

const LABEL_TAKEN = "There is already a threshold with this label.";

/** The clinic's remote-monitoring thresholds, for the admin page. */
export async function listMonitoringThresholds(actor: Actor): Promise<MonitoringThresholdRow[]> {
  await assertCan(actor, "clinic:configure");
  return db.monitoringThreshold.findMany({
    where: { clinicId: actor.clinicId },
    orderBy: [{ periodDays: "asc" }, { minDays: "asc" }, { label: "asc" }],
    select: thresholdSelect,
  });
}

/** Adds a threshold (no id) or edits one of the clinic's (id). Audited with the values, which are not health data. */
export async function saveMonitoringThreshold(actor: Actor, input: unknown): Promise<MonitoringThresholdRow> {
  await assertCan(actor, "clinic:configure");
  const { id, ...data } = parseInput(monitoringThresholdSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      let saved: MonitoringThresholdRow;
      if (id) {
        const rows = await tx.monitoringThreshold.updateManyAndReturn({
          where: { id, clinicId: actor.clinicId },
          data,
          select: thresholdSelect,
        });
        if (!rows[0]) throw notFound("That threshold");
        saved = rows[0];
      } else {
        saved = await tx.monitoringThreshold.create({
          data: { ...data, clinicId: actor.clinicId },
          select: thresholdSelect,
        });
      }
      await recordAudit(
        actor,
        {
          action: id ? "monitoring_threshold.update" : "monitoring_threshold.create",
          recordType: "MonitoringThreshold",
          recordId: saved.id,
          details: { label: saved.label, minDays: saved.minDays, periodDays: saved.periodDays },
        },
        tx,
      );
      return saved;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", LABEL_TAKEN, { label: [LABEL_TAKEN] });
    throw e;
  }
}
