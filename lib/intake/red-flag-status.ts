import "server-only";
import { db } from "@/lib/db";

/**
 * For booking: true while the patient has an emergency red flag that no
 * clinician has acknowledged yet. Routine self-booking must be refused until
 * then (domain.md, "Red flags"). Scoped by clinic; a plain indexed query.
 */
export async function hasUnacknowledgedEmergencyFlag(patientId: string, clinicId: string): Promise<boolean> {
  const flag = await db.redFlag.findFirst({
    where: { patientId, clinicId, tier: "emergency", acknowledgedAt: null },
    select: { id: true },
  });
  return flag !== null;
}
