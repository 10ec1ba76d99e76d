import { db } from "@/lib/db";
import { dateColumnOf } from "@/lib/time/date-column";

/**
 * An active episode of care written straight to the table (H1's API is built
 * beside this): 2 a week from `startDate` for 6 weeks unless said otherwise,
 * with one payer authorisation when `authorized` is given.
 */
export async function createEpisode(
  clinicId: string,
  patientId: string,
  createdById: string,
  o: Partial<{
    startDate: string;
    plannedEndDate: string;
    visitsPerWeek: number;
    weeks: number;
    status: "active" | "on_hold";
    createdAt: Date;
    lastNudgedAt: Date | null;
    authorized: { visits: number; validFrom: string; validUntil: string };
  }> = {},
) {
  const startDate = o.startDate ?? "2026-01-05";
  const episode = await db.episode.create({
    data: {
      clinicId,
      patientId,
      createdById,
      reason: "Low back pain (test)",
      visitsPerWeek: o.visitsPerWeek ?? 2,
      weeks: o.weeks ?? 6,
      startDate: dateColumnOf(startDate),
      plannedEndDate: dateColumnOf(o.plannedEndDate ?? "2099-12-31"),
      status: o.status ?? "active",
      lastNudgedAt: o.lastNudgedAt ?? null,
      ...(o.createdAt ? { createdAt: o.createdAt } : {}),
    },
  });
  if (o.authorized)
    await db.payerAuthorization.create({
      data: {
        clinicId,
        episodeId: episode.id,
        payerName: "Test Payer",
        visitsAuthorized: o.authorized.visits,
        validFrom: dateColumnOf(o.authorized.validFrom),
        validUntil: dateColumnOf(o.authorized.validUntil),
        createdById,
      },
    });
  return episode;
}
