import "server-only";
import { hasUnacknowledgedEmergencyFlag } from "@/lib/intake/red-flag-status";

export type IntakeBadge = "done" | "not_done" | "unknown";

/**
 * Whether each patient's intake is done, for the calendar's badge. The one
 * place booking reads intake state: it answers "unknown" until it is pointed
 * at the intake feature's tables (TODO(intake)).
 */
export async function intakeStatusFor(
  _clinicId: string,
  patientIds: readonly string[],
): Promise<Map<string, IntakeBadge>> {
  return new Map(patientIds.map((id) => [id, "unknown" as const]));
}

/** Patients with an unacknowledged emergency red flag, for the calendar's badge. */
export async function emergencyFlagsFor(clinicId: string, patientIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(patientIds)];
  const flags = await Promise.all(unique.map((id) => hasUnacknowledgedEmergencyFlag(id, clinicId)));
  return new Set(unique.filter((_, i) => flags[i]));
}
