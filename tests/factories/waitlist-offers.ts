import { db } from "@/lib/db";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";

/** A waiting entry that takes any weekday and time (tests narrow what they need). */
export async function createWaitingEntry(
  p: { clinicId: string; patientId: string; appointmentTypeId: string; createdById: string },
  overrides: Partial<{
    therapistId: string | null;
    weekdays: number[];
    windows: Array<{ startMinute: number; endMinute: number }>;
    priority: "routine" | "urgent";
    earliestDate: string;
    latestDate: string;
    createdAt: Date;
  }> = {},
) {
  const today = todayIn("America/New_York", Date.now());
  return db.waitlistEntry.create({
    data: {
      clinicId: p.clinicId,
      patientId: p.patientId,
      appointmentTypeId: p.appointmentTypeId,
      therapistId: overrides.therapistId ?? null,
      weekdays: overrides.weekdays ?? [1, 2, 3, 4, 5, 6, 7],
      windows: overrides.windows ?? [{ startMinute: 0, endMinute: 1440 }],
      earliestDate: dateColumnOf(overrides.earliestDate ?? addDays(today, -1)),
      latestDate: dateColumnOf(overrides.latestDate ?? addDays(today, 90)),
      priority: overrides.priority ?? "routine",
      createdVia: "front_desk",
      createdById: p.createdById,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

/** The offer links queued for a patient, newest first, read back from the outbox as a patient would receive them. */
export async function offerTokensFor(patientId: string): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({
    where: { patientId, kind: "waitlist.offer" },
    orderBy: { createdAt: "desc" },
    select: { textBody: true },
  });
  return [
    ...new Set(
      rows.flatMap((r) => [...r.textBody.matchAll(/\/waitlist\/offer\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!)),
    ),
  ];
}
