import "server-only";
import { db } from "@/lib/db";

/**
 * Whether a patient record is active, for the portal's booking page (which
 * already knows the patient is the signed-in one). The one place outside
 * lib/patients that asks; like red-flag-status.ts, status only.
 */
export async function isPatientActive(patientId: string, clinicId: string): Promise<boolean> {
  const row = await db.patient.findFirst({ where: { id: patientId, clinicId }, select: { active: true } });
  return row?.active ?? false;
}
