import { randomBytes } from "node:crypto";
import { apiRoute } from "@/lib/http/respond";
import { db } from "@/lib/db";
import { addDays, instantOfLocal, startOfWeek, todayIn } from "@/lib/time/calendar-rules";

/** Booking test data through the real database. */
export async function createAppointmentType(
  clinicId: string,
  overrides: Partial<{
    name: string;
    durationMinutes: number;
    bufferAfterMinutes: number;
    onlineBookable: boolean;
    colour: string;
  }> = {},
) {
  return db.appointmentType.create({
    data: {
      clinicId,
      name: overrides.name ?? `Type ${randomBytes(3).toString("hex")}`,
      durationMinutes: overrides.durationMinutes ?? 60,
      bufferAfterMinutes: overrides.bufferAfterMinutes ?? 0,
      onlineBookable: overrides.onlineBookable ?? true,
      colour: overrides.colour ?? "#0f766e",
    },
  });
}

/** Monday to Friday, `start`-`end` (minutes), with an optional break. */
export async function giveWeekdayHours(
  clinicId: string,
  therapistId: string,
  start = 8 * 60,
  end = 18 * 60,
  breakSpan?: [number, number],
) {
  await db.weeklyScheduleBlock.createMany({
    data: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { clinicId, therapistId, weekday, kind: "work" as const, startMinute: start, endMinute: end },
      ...(breakSpan
        ? [
            {
              clinicId,
              therapistId,
              weekday,
              kind: "break" as const,
              startMinute: breakSpan[0],
              endMinute: breakSpan[1],
            },
          ]
        : []),
    ]),
  });
}

/** A Monday some weeks ahead of today in the zone: always in the future, never a fixed date. */
export function futureMonday(timeZone = "America/New_York", weeksAhead = 2): string {
  return addDays(startOfWeek(todayIn(timeZone, Date.now())), 7 * weeksAhead);
}

export function localInstant(date: string, hhmm: string, timeZone = "America/New_York"): Date {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(instantOfLocal(date, h! * 60 + m!, timeZone));
}

/** Many patients at once (for the concurrency tests), each with an email for the outbox. */
export async function createManyPatients(clinicId: string, count: number): Promise<string[]> {
  const tag = randomBytes(3).toString("hex");
  const rows = await db.patient.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      clinicId,
      firstName: "Load",
      lastName: `Patient${tag}${i}`,
      dateOfBirth: new Date("1990-01-01T00:00:00Z"),
      email: `load-${tag}-${i}@test.example`,
    })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/booking", {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export const params = (appointmentId: string) => ({ params: Promise.resolve({ appointmentId }) });

/** A route handler without route params, as the app would call it (errors mapped to HTTP). */
export function asRoute(fn: (req: Request) => Promise<Response>) {
  const handler = apiRoute(fn);
  return (req: Request) => handler(req, undefined);
}
