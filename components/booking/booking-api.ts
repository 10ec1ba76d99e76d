/** Client-side types and fetchers for the booking JSON API (the server's zod schemas are the contract). */

export type AppointmentStatus = "booked" | "checked_in" | "completed" | "cancelled" | "no_show";

export type Appointment = {
  id: string;
  therapistId: string;
  patientId: string;
  appointmentTypeId: string;
  seriesId: string | null;
  startsAt: string;
  endsAt: string;
  blockedUntil: string;
  status: AppointmentStatus;
  version: number;
  lateCancellation: boolean;
  cancelReason: string | null;
  cancelledAt: string | null;
  bookedVia: string;
};

export type CalendarAppointment = Appointment & {
  patient: { id: string; name: string; phone: string | null };
  intake: "done" | "not_done" | "unknown";
  emergencyRedFlag: boolean;
};

export type AppointmentType = {
  id: string;
  name: string;
  colour: string;
  durationMinutes: number;
  bufferAfterMinutes: number;
  onlineBookable: boolean;
  active: boolean;
};

export type CalendarData = {
  timeZone: string;
  timeZoneName: string;
  view: "day" | "week";
  from: string;
  to: string;
  days: Array<{ date: string; startMs: number; endMs: number }>;
  slotStepMinutes: number;
  therapists: Array<{ id: string; name: string; working: Array<{ date: string; start: string; end: string }> }>;
  appointmentTypes: AppointmentType[];
  appointments: CalendarAppointment[];
};

/** A booking conflict's fresh times (a few, by therapist id). */
export type SlotGroup = { start: string; end: string; therapistIds: string[] };
export type SlotsData = {
  timeZone: string;
  timeZoneName: string;
  therapists: Array<{ id: string; name: string }>;
  appointmentType: { id: string; name: string; durationMinutes: number };
  /** Each start time once; `therapistIndexes` are positions in `therapists`. */
  slots: Array<{ start: string; end: string; therapistIndexes: number[] }>;
};

export type SeriesConflict = {
  date: string;
  startsAt: string;
  reason: string;
  alternatives: Array<{ start: string; therapistId: string }>;
};

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly freshSlots: SlotGroup[] = [],
    readonly conflicts: SeriesConflict[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: {
      accept: "application/json",
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new ApiError(
      e.message ?? "Something went wrong. Please try again.",
      res.status,
      e.fieldErrors ?? {},
      e.freshSlots ?? [],
      e.conflicts ?? [],
    );
  }
  return json as T;
}

export const post = <T>(path: string, body: unknown, headers: Record<string, string> = {}) =>
  api<T>(path, { method: "POST", body: JSON.stringify(body), headers });

export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: "PATCH", body: JSON.stringify(body) });

/** Dates as YYYY-MM-DD strings; day arithmetic on the calendar date alone, no zone involved. */
export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function todayInZone(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function timeLabel(iso: string | number, timeZone: string, withZone = false): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    ...(withZone ? { timeZoneName: "short" } : {}),
  }).format(new Date(iso));
}

export function dateLabel(iso: string | number, timeZone: string, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: style,
    month: style === "long" ? "long" : "short",
    day: "numeric",
    ...(style === "long" ? { year: "numeric" } : {}),
  }).format(new Date(iso));
}

/** Local date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(iso: string | number, timeZone: string): string {
  return todayInZone(timeZone, new Date(iso));
}

/** Minutes after local midnight of an instant, on the zone's wall clock. */
export function localMinute(iso: string | number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  booked: "Booked",
  checked_in: "Checked in",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
