import "server-only";
import { db } from "@/lib/db";

export type IntakeBadge = "done" | "not_done" | "unknown";

/**
 * Whether each patient's first intake is submitted, for the calendar's badge.
 * The one place booking reads intake state; status only, no clinical content.
 */
export async function intakeStatusFor(
  clinicId: string,
  patientIds: readonly string[],
): Promise<Map<string, IntakeBadge>> {
  const unique = [...new Set(patientIds)];
  if (!unique.length) return new Map();
  const submitted = await db.intake.findMany({
    where: { clinicId, patientId: { in: unique }, kind: "initial", status: "submitted" },
    select: { patientId: true },
    distinct: ["patientId"],
  });
  const done = new Set(submitted.map((i) => i.patientId));
  return new Map(unique.map((id) => [id, done.has(id) ? "done" : "not_done"]));
}

/** Patients with an unacknowledged emergency red flag, for the calendar's badge (one query for the page). */
export async function emergencyFlagsFor(clinicId: string, patientIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(patientIds)];
  if (!unique.length) return new Set();
  const flags = await db.redFlag.findMany({
    where: { clinicId, patientId: { in: unique }, tier: "emergency", acknowledgedAt: null },
    select: { patientId: true },
    distinct: ["patientId"],
  });
  return new Set(flags.map((f) => f.patientId));
}
