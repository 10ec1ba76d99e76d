import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { workingIntervals, type TherapistSchedule } from "@/lib/scheduling/availability-rules";
import { instantOfLocal, startOfLocalDay, addDays } from "@/lib/time/calendar-rules";
import { parseInput } from "@/lib/validation";
import { appointmentFeedIcs } from "./appointment-ics";
import { appointmentDto, appointmentSelect } from "./appointment-dto";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { formatLocalDate, formatLocalTime } from "@/lib/time/format";
import { SeriesConflictError, overlapRefusal, type SeriesConflict } from "./booking-errors";
import { bookingPatientId, requireTherapistOf } from "./booking-access";
import { bookingContext, type BookingSettings } from "./booking-settings";
import { BOOKING_TX_OPTIONS } from "./book-appointment";
import { bookableType, searchSlots } from "./find-slots";
import { claimKey, fingerprintOf, parseIdempotencyKey, previousResult, storeResult } from "./idempotency";
import { loadPatientBusy, loadSchedules } from "./load-availability";
import { seriesSchema } from "./schema";
import { seriesDates } from "./series-rules";
import { listTherapists } from "./therapist-schedules";
import { lockBookingParties } from "./booking-locks";
import { retryOnDeadlock } from "./retry-transaction";
import { assertAuthorizationReason, checkEpisodeAuthorization } from "./episode-authorization";

type Occurrence = { date: string; start: number; end: number; blockedUntil: number };

/**
 * Books every occurrence of a plan-of-care series in one transaction, or none.
 * Every date is checked first and all conflicts are listed with alternatives;
 * if another booking slips in between the check and the insert, the exclusion
 * constraint fails the whole insert and the conflicts are worked out again.
 */
export async function bookSeries(actor: Actor, input: unknown, idempotencyKey: unknown, now = Date.now()) {
  await assertCan(actor, "appointment:manage");
  const data = parseInput(seriesSchema, input);
  const key = parseIdempotencyKey(idempotencyKey);
  const patientId = await bookingPatientId(actor, data.patientId);
  const fingerprint = fingerprintOf(data);
  const replay = async () => {
    const stored = await previousResult(actor, key, fingerprint);
    if (!stored?.appointmentIds.length) return null;
    const rows = await db.appointment.findMany({
      where: { id: { in: stored.appointmentIds }, clinicId: actor.clinicId },
      orderBy: { startsAt: "asc" },
      select: appointmentSelect,
    });
    return { seriesId: stored.seriesId ?? null, appointments: rows.map(appointmentDto), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const { clinic, settings } = await bookingContext(actor.clinicId);
  const type = await bookableType(actor, data.appointmentTypeId);
  const therapist = await requireTherapistOf(actor.clinicId, data.therapistId);
  const dates = seriesDates(data.firstDate, data.weekdays, data.weeks).slice(0, data.count ?? undefined);
  const occurrences: Occurrence[] = dates.map((date) => {
    const start = instantOfLocal(date, data.time, clinic.timeZone);
    const end = start + type.durationMinutes * 60_000;
    return { date, start, end, blockedUntil: end + type.bufferAfterMinutes * 60_000 };
  });
  const findConflicts = () =>
    seriesConflicts(actor, {
      occurrences,
      therapistId: therapist.id,
      patientId,
      type,
      timeZone: clinic.timeZone,
      settings,
      now,
    });
  const conflicts = await findConflicts();
  if (conflicts.length) throw new SeriesConflictError(conflicts);

  try {
    return await retryOnDeadlock(() =>
      db.$transaction(async (tx) => {
        const requestId = await claimKey(tx, actor, key, fingerprint);
        await lockBookingParties(tx, { therapistIds: [therapist.id], patientId });
        // Every occurrence checked against the authorisations; one reason covers all that are beyond.
        const episode = await checkEpisodeAuthorization(tx, {
          clinicId: actor.clinicId,
          timeZone: clinic.timeZone,
          patientId,
          dates: occurrences.map((o) => o.date),
        });
        assertAuthorizationReason(actor.role, episode, data.overAuthorizationReason);
        const series = await tx.appointmentSeries.create({
          data: {
            clinicId: actor.clinicId,
            patientId,
            therapistId: therapist.id,
            appointmentTypeId: type.id,
            rule: {
              firstDate: data.firstDate,
              weekdays: data.weekdays,
              time: data.time,
              weeks: data.weeks,
              ...(data.count && { count: data.count }),
            },
            createdById: actor.userId,
          },
          select: { id: true },
        });
        // One INSERT for every occurrence: one overlap anywhere fails them all.
        const rows = await tx.appointment.createManyAndReturn({
          data: occurrences.map((o, i) => ({
            clinicId: actor.clinicId,
            therapistId: therapist.id,
            patientId,
            appointmentTypeId: type.id,
            seriesId: series.id,
            startsAt: new Date(o.start),
            endsAt: new Date(o.end),
            blockedUntil: new Date(o.blockedUntil),
            bookedById: actor.userId,
            bookedVia: "staff",
            episodeId: episode.episodeId,
            overAuthorizationReason: episode.beyond[i] ? data.overAuthorizationReason! : null,
          })),
          select: appointmentSelect,
        });
        rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
        await storeResult(tx, requestId, { appointmentIds: rows.map((r) => r.id), seriesId: series.id });
        await recordAudit(
          actor,
          {
            action: "appointment.book_series",
            patientId,
            recordType: "AppointmentSeries",
            recordId: series.id,
            details: {
              count: rows.length,
              ...(episode.beyond.some(Boolean) && {
                beyondAuthorization: episode.beyond.filter(Boolean).length,
                overAuthorizationReason: data.overAuthorizationReason,
              }),
            },
          },
          tx,
        );
        const patient = await tx.patient.findUniqueOrThrow({
          where: { id: patientId },
          select: { firstName: true, lastName: true, preferredName: true, email: true },
        });
        if (patient.email) {
          const list = rows.map(
            (r) =>
              `- ${formatLocalDate(r.startsAt.getTime(), clinic.timeZone)} at ${formatLocalTime(r.startsAt.getTime(), clinic.timeZone, true)}`,
          );
          await enqueueMessage(tx, {
            clinicId: clinic.id,
            kind: "appointment.confirmation",
            to: patient.email,
            patientId,
            subject: `Your ${rows.length} ${type.name} appointments are booked`,
            text: [
              `Hello ${patient.preferredName ?? patient.firstName},`,
              "",
              `Your ${type.name} appointments with ${therapist.name} are booked:`,
              ...list,
              "",
              `${clinic.name}, ${clinic.address}. To change one, call ${clinic.phone} or use the patient portal.`,
            ].join("\n"),
            attachments: [
              {
                filename: "appointments.ics",
                contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                content: appointmentFeedIcs(
                  rows.map((r) => ({
                    id: r.id,
                    startsAt: r.startsAt,
                    endsAt: r.endsAt,
                    icsSequence: 0,
                    cancelled: false,
                    summary: `${type.name} at ${clinic.name}`,
                    description: `${type.name} with ${therapist.name}.`,
                    patientName: `${patient.firstName} ${patient.lastName}`,
                    patientEmail: patient.email,
                  })),
                  clinic,
                  `${clinic.name} appointments`,
                ),
              },
            ],
          });
        }
        return { seriesId: series.id, appointments: rows.map(appointmentDto), replayed: false };
      }, BOOKING_TX_OPTIONS),
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      const again = await replay();
      if (again) return again;
    }
    if (overlapRefusal(error)) {
      const now2 = await findConflicts();
      throw new SeriesConflictError(
        now2.length
          ? now2
          : [
              {
                date: data.firstDate,
                startsAt: "",
                reason: "Another booking was made at the same moment.",
                alternatives: [],
              },
            ],
      );
    }
    throw error;
  }
}

async function seriesConflicts(
  actor: Actor,
  p: {
    occurrences: Occurrence[];
    therapistId: string;
    patientId: string;
    type: { durationMinutes: number; bufferAfterMinutes: number };
    timeZone: string;
    settings: BookingSettings;
    now: number;
  },
): Promise<SeriesConflict[]> {
  const first = p.occurrences[0]!;
  const last = p.occurrences[p.occurrences.length - 1]!;
  const range = {
    fromMs: startOfLocalDay(first.date, p.timeZone),
    toMs: startOfLocalDay(addDays(last.date, 1), p.timeZone),
    fromDate: first.date,
    toDate: last.date,
  };
  const [[schedule], patientBusy] = await Promise.all([
    loadSchedules(actor.clinicId, [p.therapistId], range),
    loadPatientBusy(actor.clinicId, p.patientId, range),
  ]);
  const therapistSchedule = schedule as TherapistSchedule;
  const conflicts: SeriesConflict[] = [];
  for (const o of p.occurrences) {
    let reason: string | null = null;
    if (o.start < p.now) reason = "This date is in the past.";
    else if (!workingIntervals(therapistSchedule, o.date, p.timeZone).some((b) => b.start <= o.start && o.end <= b.end))
      reason = "The therapist is not working at this time.";
    else if (therapistSchedule.busy.some((b) => b.start < o.blockedUntil && o.start < b.end))
      reason = "The therapist already has an appointment then.";
    else if (patientBusy.some((b) => b.start < o.end && o.start < b.end))
      reason = "The patient already has an appointment then.";
    if (reason)
      conflicts.push({
        date: o.date,
        startsAt: new Date(o.start).toISOString(),
        reason,
        alternatives: await alternativesFor(actor, p, o),
      });
  }
  return conflicts;
}

/** Up to three free times that day with the same therapist (closest first), else other therapists at the asked time. */
async function alternativesFor(
  actor: Actor,
  p: {
    therapistId: string;
    patientId: string;
    type: { durationMinutes: number; bufferAfterMinutes: number };
    timeZone: string;
    settings: BookingSettings;
    now: number;
  },
  o: Occurrence,
) {
  const therapists = await listTherapists(actor.clinicId);
  const slots = await searchSlots({
    clinicId: actor.clinicId,
    timeZone: p.timeZone,
    settings: p.settings,
    type: p.type,
    therapistIds: therapists.map((t) => t.id),
    from: o.date,
    to: o.date,
    audience: "staff",
    patientId: p.patientId,
    now: p.now,
  });
  const same = slots
    .filter((s) => s.therapistId === p.therapistId)
    .sort((a, b) => Math.abs(a.start - o.start) - Math.abs(b.start - o.start))
    .slice(0, 3);
  const others = same.length ? [] : slots.filter((s) => s.start === o.start).slice(0, 3);
  return [...same, ...others].map((s) => ({ start: new Date(s.start).toISOString(), therapistId: s.therapistId }));
}
