import { db } from "@/lib/db";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";

/**
 * An open episode for a patient (2 a week for 6 weeks from today) with the
 * payer authorisations given, straight into the database as H1's episode API
 * would leave it.
 */
export async function createOpenEpisode(
  p: { clinicId: string; patientId: string; createdById: string },
  auths: Array<{ visitsAuthorized: number; validFrom?: string; validUntil?: string; payerName?: string }> = [],
  overrides: Partial<{ visitsPerWeek: number; weeks: number; status: "active" | "on_hold" }> = {},
) {
  const today = todayIn("America/New_York", Date.now());
  const weeks = overrides.weeks ?? 6;
  const episode = await db.episode.create({
    data: {
      clinicId: p.clinicId,
      patientId: p.patientId,
      reason: "Low back pain",
      visitsPerWeek: overrides.visitsPerWeek ?? 2,
      weeks,
      startDate: dateColumnOf(today),
      plannedEndDate: dateColumnOf(addDays(today, weeks * 7)),
      status: overrides.status ?? "active",
      createdById: p.createdById,
    },
  });
  for (const a of auths)
    await db.payerAuthorization.create({
      data: {
        clinicId: p.clinicId,
        episodeId: episode.id,
        payerName: a.payerName ?? "Blue Harbor Health",
        visitsAuthorized: a.visitsAuthorized,
        validFrom: dateColumnOf(a.validFrom ?? today),
        validUntil: dateColumnOf(a.validUntil ?? addDays(today, 90)),
        createdById: p.createdById,
      },
    });
  return episode;
}
