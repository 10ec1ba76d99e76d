import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { workingIntervals } from "@/lib/scheduling/availability-rules";
import { addDays, startOfLocalDay, startOfWeek } from "@/lib/time/calendar-rules";
import { zoneDisplayName } from "@/lib/time/format";
import { parseInput } from "@/lib/validation";
import { appointmentDto, appointmentSelect } from "./appointment-dto";
import { bookingContext } from "./booking-settings";
import { emergencyFlagsFor, intakeStatusFor } from "./intake-badges";
import { loadSchedules, MAX_APPOINTMENT_SPAN_MS } from "./load-availability";
import { calendarQuerySchema } from "./schema";
import { episodeVisitsFor } from "./episode-visit-numbers";
import { todayIn } from "@/lib/time/calendar-rules";
import { listTherapists } from "./therapist-schedules";

/**
 * The front desk's calendar for a day or a week (Monday to Sunday) in the
 * clinic's zone: therapists with their working time per day, and every
 * appointment with what booking needs about the patient ("minimum
 * necessary": name, phone, intake done, red-flag badge; never clinical detail).
 */
export async function listCalendar(actor: Actor, input: unknown, now = Date.now()) {
  await assertCan(actor, "schedule:read");
  const q = parseInput(calendarQuerySchema, input);
  const { clinic, settings } = await bookingContext(actor.clinicId);
  const from = q.view === "week" ? startOfWeek(q.date) : q.date;
  const to = q.view === "week" ? addDays(from, 6) : from;
  const fromMs = startOfLocalDay(from, clinic.timeZone);
  const toMs = startOfLocalDay(addDays(to, 1), clinic.timeZone);
  const therapists = await listTherapists(actor.clinicId);
  const [schedules, rows, types] = await Promise.all([
    loadSchedules(
      actor.clinicId,
      therapists.map((t) => t.id),
      { fromMs, toMs, fromDate: from, toDate: to },
    ),
    db.appointment.findMany({
      where: {
        clinicId: actor.clinicId,
        startsAt: { gte: new Date(fromMs - MAX_APPOINTMENT_SPAN_MS), lt: new Date(toMs) },
        endsAt: { gt: new Date(fromMs) },
      },
      orderBy: { startsAt: "asc" },
      select: {
        ...appointmentSelect,
        episodeId: true,
        overAuthorizationReason: true,
        patient: { select: { id: true, firstName: true, lastName: true, preferredName: true, phone: true } },
      },
    }),
    db.appointmentType.findMany({
      where: { clinicId: actor.clinicId },
      select: {
        id: true,
        name: true,
        colour: true,
        durationMinutes: true,
        bufferAfterMinutes: true,
        onlineBookable: true,
        active: true,
      },
      orderBy: { name: "asc" },
    }),
  ]);
  const patientIds = rows.map((r) => r.patientId);
  const [intake, flags, episodeVisits] = await Promise.all([
    can(actor, "intake-status:read") ? intakeStatusFor(actor.clinicId, patientIds) : Promise.resolve(new Map()),
    can(actor, "red-flag:read-summary")
      ? emergencyFlagsFor(actor.clinicId, patientIds)
      : Promise.resolve(new Set<string>()),
    can(actor, "episode:read:schedule")
      ? episodeVisitsFor(actor.clinicId, clinic.timeZone, rows, todayIn(clinic.timeZone, now))
      : Promise.resolve(new Map()),
  ]);
  await recordAudit(actor, { action: "calendar.read", details: { from, to, appointments: rows.length } });
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return {
    timeZone: clinic.timeZone,
    timeZoneName: zoneDisplayName(clinic.timeZone, fromMs),
    view: q.view,
    from,
    to,
    days: days.map((date) => ({
      date,
      startMs: startOfLocalDay(date, clinic.timeZone),
      endMs: startOfLocalDay(addDays(date, 1), clinic.timeZone),
    })),
    slotStepMinutes: settings.slotStepMinutes,
    therapists: therapists.map((t, i) => ({
      ...t,
      working: days.flatMap((date) =>
        workingIntervals(schedules[i]!, date, clinic.timeZone).map((w) => ({
          date,
          start: new Date(w.start).toISOString(),
          end: new Date(w.end).toISOString(),
        })),
      ),
    })),
    appointmentTypes: types,
    appointments: rows.map((r) => ({
      ...appointmentDto(r),
      patient: {
        id: r.patient.id,
        name: `${r.patient.preferredName ?? r.patient.firstName} ${r.patient.lastName}`,
        phone: r.patient.phone,
      },
      intake: intake.get(r.patientId) ?? "unknown",
      emergencyRedFlag: flags.has(r.patientId),
      episodeVisit: episodeVisits.get(r.id) ?? null,
    })),
  };
}
