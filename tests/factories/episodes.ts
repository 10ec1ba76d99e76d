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
 * An open episode for the patient, written straight to the database (any open
 * one is discharged first): 2 a week for 6 weeks from `startDate` (default
 * today) unless said otherwise. `authorized`: a payer authorisation of that
 * many visits over the plan, or with its own dates.
 */
export async function createEpisode(
  clinicId: string,
  patientId: string,
  createdById: string,
  o: Partial<{
    reason: string;
    icd10Code: string | null;
    goals: string[];
    startDate: string;
    plannedEndDate: string;
    visitsPerWeek: number;
    weeks: number;
    status: "active" | "on_hold";
    createdAt: Date;
    lastNudgedAt: Date | null;
    authorized: number | { visits: number; validFrom: string; validUntil: string };
  }> = {},
) {
  await dischargeOpenEpisodes(clinicId, patientId);
  const start = o.startDate ?? todayIn("America/New_York", Date.now());
  const end = o.plannedEndDate ?? addDays(start, 42);
  const auth =
    o.authorized === undefined
      ? null
      : typeof o.authorized === "number"
        ? { visits: o.authorized, validFrom: start, validUntil: end }
        : o.authorized;
  return db.episode.create({
    data: {
      clinicId,
      patientId,
      createdById,
      reason: o.reason ?? "Low back pain",
      icd10Code: o.icd10Code ?? null,
      goals: o.goals ?? ["Walk the dog for 30 minutes"],
      visitsPerWeek: o.visitsPerWeek ?? 2,
      weeks: o.weeks ?? 6,
      startDate: dateColumnOf(start),
      plannedEndDate: dateColumnOf(end),
      status: o.status ?? "active",
      lastNudgedAt: o.lastNudgedAt ?? null,
      ...(o.createdAt ? { createdAt: o.createdAt } : {}),
      ...(auth
        ? {
            authorizations: {
              create: {
                payerName: "Test Payer",
                visitsAuthorized: auth.visits,
                validFrom: dateColumnOf(auth.validFrom),
                validUntil: dateColumnOf(auth.validUntil),
                createdById,
              },
            },
          }
        : {}),
    },
    include: { authorizations: true },
  });
}
