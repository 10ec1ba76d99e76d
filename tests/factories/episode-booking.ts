import { db } from "@/lib/db";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";
import { createEpisode } from "./episodes";

/**
 * An open episode for a patient (2 a week for 6 weeks from today unless said
 * otherwise) with several payer authorisations, for the booking tests.
 */
export async function createOpenEpisode(
  p: { clinicId: string; patientId: string; createdById: string },
  auths: Array<{ visitsAuthorized: number; validFrom?: string; validUntil?: string; payerName?: string }> = [],
  overrides: Partial<{ visitsPerWeek: number; weeks: number; status: "active" | "on_hold" }> = {},
) {
  const today = todayIn("America/New_York", Date.now());
  const weeks = overrides.weeks ?? 6;
  const episode = await createEpisode(p.clinicId, p.patientId, p.createdById, {
    ...overrides,
    startDate: today,
    plannedEndDate: addDays(today, weeks * 7),
  });
  await db.payerAuthorization.createMany({
    data: auths.map((a) => ({
      clinicId: p.clinicId,
      episodeId: episode.id,
      payerName: a.payerName ?? "Blue Harbor Health",
      visitsAuthorized: a.visitsAuthorized,
      validFrom: dateColumnOf(a.validFrom ?? today),
      validUntil: dateColumnOf(a.validUntil ?? addDays(today, 90)),
      createdById: p.createdById,
    })),
  });
  return episode;
}
