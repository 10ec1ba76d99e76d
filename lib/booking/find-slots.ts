import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import {
  computeFreeSlots,
  type Interval,
  type Slot,
  type TherapistSchedule,
} from "@/lib/scheduling/availability-rules";
import { addDays, startOfLocalDay, todayIn } from "@/lib/time/calendar-rules";
import { zoneDisplayName } from "@/lib/time/format";
import { parseInput } from "@/lib/validation";
import type { BookingSettings } from "./booking-settings";
import { isoInstant } from "./iso-instant-rules";
import { loadPatientBusy, loadSchedules } from "./load-availability";
import { loadSlotSearch } from "./load-slot-search";
import { slotQuerySchema } from "./schema";

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
  return freeSlotsOf(s, schedules, patientBusy);
}

/** The engine's answer for loaded schedules under the clinic's rules for this audience. */
function freeSlotsOf(
  s: Pick<SlotSearch, "timeZone" | "settings" | "type" | "from" | "to" | "audience" | "now">,
  schedules: readonly TherapistSchedule[],
  patientBusy: readonly Interval[],
): Slot[] {
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
  let lastStart = NaN;
  for (const s of slots) {
    if (s.start === lastStart) out[out.length - 1]!.therapistIds.push(s.therapistId);
    else {
      lastStart = s.start;
      out.push({
        start: isoInstant(s.start),
        end: isoInstant(s.end),
        therapistIds: [s.therapistId],
      });
    }
  }
  return out;
}

/**
 * The search's answer: one entry per start time, naming the therapists free
 * then by their position in the response's `therapists` list, so each id is
 * sent once rather than once per slot (4 weeks, 20 therapists: ~70 KB → ~15 KB).
 */
export type IndexedSlotGroup = { start: string; end: string; therapistIndexes: number[] };

export function indexSlots(slots: readonly Slot[], therapists: ReadonlyArray<{ id: string }>): IndexedSlotGroup[] {
  const indexOf = new Map(therapists.map((t, i) => [t.id, i]));
  const out: IndexedSlotGroup[] = [];
  let lastStart = NaN;
  for (const s of slots) {
    const index = indexOf.get(s.therapistId);
    if (index === undefined) throw new Error("A slot's therapist is not in the search's therapist list.");
    if (s.start === lastStart) out[out.length - 1]!.therapistIndexes.push(index);
    else {
      lastStart = s.start;
      out.push({
        start: isoInstant(s.start),
        end: isoInstant(s.end),
        therapistIndexes: [index],
      });
    }
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
  const patientId = actor.role === "patient" ? actor.patientId : (q.patientId ?? null);
  // One round trip for everything (load-slot-search.ts), scoped to the actor's clinic.
  const data = await loadSlotSearch(actor.clinicId, {
    appointmentTypeId: q.appointmentTypeId,
    onlineBookableOnly: actor.role === "patient",
    therapistId: q.therapistId,
    patientId,
    from: q.from,
    to: q.to,
  });
  if (!data) throw notFound("That clinic");
  const { type, therapists: chosen, timeZone } = data;
  if (!type) throw notFound("That appointment type");
  if (q.therapistId && !chosen.length) throw notFound("That therapist");
  if (patientId && !data.patientBusy) throw notFound("That patient");
  const slots = freeSlotsOf(
    {
      timeZone,
      settings: data.settings,
      type,
      from: q.from,
      to: q.to,
      audience: actor.role === "patient" ? "patient" : "staff",
      now,
    },
    data.schedules,
    data.patientBusy ?? [],
  );
  return {
    timeZone,
    timeZoneName: zoneDisplayName(timeZone, now),
    from: q.from,
    to: q.to,
    appointmentType: { id: type.id, name: type.name, durationMinutes: type.durationMinutes },
    therapists: chosen,
    slots: indexSlots(slots, chosen),
  };
}
