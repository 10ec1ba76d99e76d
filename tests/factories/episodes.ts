import { db } from "@/lib/db";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";

/** Ends every open episode of the patient (written straight to the database), so a new one may open. */
export async function dischargeOpenEpisodes(clinicId: string, patientId: string) {
  const today = todayIn("America/New_York", Date.now());
  await db.episode.updateMany({
    where: { clinicId, patientId, status: { not: "discharged" } },
    data: {
      status: "discharged",
      dischargedOn: dateColumnOf(today),
      dischargedAt: new Date(),
      dischargeReason: "other",
    },
  });
}

/**
 * An active episode for the patient, opened today for 2 a week over 6 weeks,
 * written straight to the database (any open one is discharged first). With
 * `authorized`, a payer authorisation of that many visits over the plan.
 */
export async function createEpisode(
  clinicId: string,
  patientId: string,
  createdById: string,
  overrides: Partial<{ reason: string; startDate: string; authorized: number; status: "active" | "on_hold" }> = {},
) {
  await dischargeOpenEpisodes(clinicId, patientId);
  const start = overrides.startDate ?? todayIn("America/New_York", Date.now());
  return db.episode.create({
    data: {
      clinicId,
      patientId,
      createdById,
      reason: overrides.reason ?? "Low back pain",
      goals: ["Walk the dog"],
      visitsPerWeek: 2,
      weeks: 6,
      startDate: dateColumnOf(start),
      plannedEndDate: dateColumnOf(addDays(start, 42)),
      status: overrides.status ?? "active",
      ...(overrides.authorized
        ? {
            authorizations: {
              create: {
                payerName: "Test Payer",
                visitsAuthorized: overrides.authorized,
                validFrom: dateColumnOf(start),
                validUntil: dateColumnOf(addDays(start, 42)),
                createdById,
              },
            },
          }
        : {}),
    },
    include: { authorizations: true },
  });
}
