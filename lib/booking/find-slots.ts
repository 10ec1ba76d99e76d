import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { computeFreeSlots, type Slot } from "@/lib/scheduling/availability-rules";
import { addDays, startOfLocalDay, todayIn, zoneDisplayName } from "@/lib/scheduling/local-time-rules";
import { parseInput } from "@/lib/validation";
import { bookingContext, type BookingSettings } from "./booking-settings";
import { loadPatientBusy, loadSchedules } from "./load-availability";
import { slotQuerySchema } from "./schema";
import { listTherapists } from "./therapist-schedules";

export type SlotSearch = {
  clinicId: string;
  timeZone: string;
  settings: BookingSettings;
  type: { durationMinutes: number; bufferAfterMinutes: number };
  therapistIds: readonly string[];
  from: string;
  to: string;
  /** Patients get minimum notice and the booking window; staff may book any future time. */
  audience: "patient" | "staff";
  patientId?: string | null;
  now: number;
};

/** Free slots under the clinic's rules: loads what the pure engine needs, then asks it. */
export async function searchSlots(s: SlotSearch, client: Tx | typeof db = db): Promise<Slot[]> {
  const fromMs = startOfLocalDay(s.from, s.timeZone);
  const toMs = startOfLocalDay(addDays(s.to, 1), s.timeZone);
  const [schedules, patientBusy] = await Promise.all([
    loadSchedules(s.clinicId, s.therapistIds, { fromMs, toMs, fromDate: s.from, toDate: s.to }, client),
    s.patientId ? loadPatientBusy(s.clinicId, s.patientId, { fromMs, toMs }, client) : Promise.resolve([]),
  ]);
  const patient = s.audience === "patient";
  return computeFreeSlots(
    {
      timeZone: s.timeZone,
      from: s.from,
      to: s.to,
      durationMinutes: s.type.durationMinutes,
      bufferAfterMinutes: s.type.bufferAfterMinutes,
      stepMinutes: s.settings.slotStepMinutes,
      earliestStart: s.now + (patient ? s.settings.minimumNoticeMinutes * 60_000 : 0),
      lastBookableDate: patient ? addDays(todayIn(s.timeZone, s.now), s.settings.bookingWindowDays) : undefined,
      patientBusy,
    },
    schedules,
  );
}

export type SlotGroup = { start: string; end: string; therapistIds: string[] };

/** One entry per start time, with every therapist free then: compact for "any therapist" searches. */
export function groupSlots(slots: readonly Slot[]): SlotGroup[] {
  const out: SlotGroup[] = [];
  for (const s of slots) {
    const last = out[out.length - 1];
    if (last && Date.parse(last.start) === s.start) last.therapistIds.push(s.therapistId);
    else
      out.push({
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        therapistIds: [s.therapistId],
      });
  }
  return out;
}

/** The type, as this actor may book it (patients: online-bookable only). */
export async function bookableType(actor: Actor, appointmentTypeId: string, client: Tx | typeof db = db) {
  const type = await client.appointmentType.findFirst({
    where: {
      id: appointmentTypeId,
      clinicId: actor.clinicId,
      active: true,
      ...(actor.role === "patient" ? { onlineBookable: true } : {}),
    },
    select: {
      id: true,
      name: true,
      durationMinutes: true,
      bufferAfterMinutes: true,
      colour: true,
      onlineBookable: true,
    },
  });
  if (!type) throw notFound("That appointment type");
  return type;
}

/** GET /api/booking/slots: free times for a type, one or every therapist, in the clinic's zone. */
export async function findSlots(actor: Actor, input: unknown, now = Date.now()) {
  if (actor.role === "patient") await assertCan(actor, "appointment:book:own");
  else await assertCan(actor, "appointment:manage");
  const q = parseInput(slotQuerySchema, input);
  if (actor.role === "patient" && q.patientId && q.patientId !== actor.patientId) throw notFound("That patient");
  if (actor.role === "patient" && !actor.patientId)
    throw new AppError("forbidden", "Your account is not linked to a patient record yet. Please call the clinic.");
  const [{ clinic, settings }, type, therapists] = await Promise.all([
    bookingContext(actor.clinicId),
    bookableType(actor, q.appointmentTypeId),
    listTherapists(actor.clinicId),
  ]);
  const chosen = q.therapistId ? therapists.filter((t) => t.id === q.therapistId) : therapists;
  if (q.therapistId && !chosen.length) throw notFound("That therapist");
  const patientId = actor.role === "patient" ? actor.patientId : (q.patientId ?? null);
  if (patientId && actor.role !== "patient") {
    const p = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
    if (!p) throw notFound("That patient");
  }
  const slots = await searchSlots({
    clinicId: actor.clinicId,
    timeZone: clinic.timeZone,
    settings,
    type,
    therapistIds: chosen.map((t) => t.id),
    from: q.from,
    to: q.to,
    audience: actor.role === "patient" ? "patient" : "staff",
    patientId,
    now,
  });
  return {
    timeZone: clinic.timeZone,
    timeZoneName: zoneDisplayName(clinic.timeZone, now),
    from: q.from,
    to: q.to,
    appointmentType: { id: type.id, name: type.name, durationMinutes: type.durationMinutes },
    therapists: chosen,
    slots: groupSlots(slots),
  };
}
