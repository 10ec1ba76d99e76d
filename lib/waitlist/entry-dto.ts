import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { daysBetween, localDateOf, minuteToHhmm } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import type { TimeWindow } from "./waitlist-match-rules";

export const entrySelect = {
  id: true,
  patientId: true,
  patient: { select: { firstName: true, lastName: true } },
  appointmentTypeId: true,
  appointmentType: { select: { name: true, durationMinutes: true } },
  therapistId: true,
  therapist: { select: { name: true } },
  weekdays: true,
  windows: true,
  earliestDate: true,
  latestDate: true,
  priority: true,
  note: true,
  status: true,
  createdVia: true,
  createdAt: true,
  endedAt: true,
} as const satisfies Prisma.WaitlistEntrySelect;

export type EntryRow = Prisma.WaitlistEntryGetPayload<{ select: typeof entrySelect }>;

/** The windows column as stored (jsonb); rows are only written through entry-schema.ts. */
export function windowsOf(row: { windows: Prisma.JsonValue }): TimeWindow[] {
  return (Array.isArray(row.windows) ? row.windows : []) as TimeWindow[];
}

/** An entry as the API sends it: names for people, local dates, windows as HH:MM. */
export function entryDto(row: EntryRow, timeZone: string, now: Date) {
  return {
    id: row.id,
    patient: { id: row.patientId, name: `${row.patient.firstName} ${row.patient.lastName}` },
    appointmentType: { id: row.appointmentTypeId, name: row.appointmentType.name },
    therapist: row.therapistId ? { id: row.therapistId, name: row.therapist?.name ?? "" } : null,
    weekdays: row.weekdays,
    windows: windowsOf(row).map((w) => ({ start: minuteToHhmm(w.startMinute), end: minuteToHhmm(w.endMinute) })),
    earliestDate: localDateOfDateColumn(row.earliestDate),
    latestDate: localDateOfDateColumn(row.latestDate),
    priority: row.priority,
    note: row.note,
    status: row.status,
    createdVia: row.createdVia,
    createdAt: row.createdAt.toISOString(),
    waitingDays: Math.max(0, daysBetween(localDateOf(row.createdAt, timeZone), localDateOf(now, timeZone))),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
export type EntryDto = ReturnType<typeof entryDto>;
