import { describe, expect, it } from "vitest";
import { confirmMove, movedAppointment, showMove, undoMove } from "@/lib/booking/calendar-move-rules";

const MAYA = "11111111-1111-4111-8111-111111111111";
const SAM = "22222222-2222-4222-8222-222222222222";

function visit(id: string, startsAt: string, extra: Partial<ReturnType<typeof base>> = {}) {
  return { ...base(id, startsAt), ...extra };
}
function base(id: string, startsAt: string) {
  const start = Date.parse(startsAt);
  return {
    id,
    therapistId: MAYA,
    startsAt,
    endsAt: new Date(start + 45 * 60_000).toISOString(),
    blockedUntil: new Date(start + 60 * 60_000).toISOString(),
    version: 3,
    confirmedAt: "2026-12-10T12:00:00.000Z" as string | null,
    patient: { name: "Riley Kim" },
  };
}

const nine = visit("a", "2026-12-15T14:00:00.000Z");
const ten = visit("b", "2026-12-15T15:00:00.000Z");
const calendar = { view: "week", appointments: [nine, ten] };
const eleven = Date.parse("2026-12-15T16:00:00.000Z");

describe("the calendar's optimistic move", () => {
  it("keeps the visit's length and buffer from the new start, and clears the patient's confirmation", () => {
    const moved = movedAppointment(nine, SAM, eleven);
    expect(moved).toMatchObject({
      therapistId: SAM,
      startsAt: "2026-12-15T16:00:00.000Z",
      endsAt: "2026-12-15T16:45:00.000Z",
      blockedUntil: "2026-12-15T17:00:00.000Z",
      confirmedAt: null,
      version: 3,
      patient: { name: "Riley Kim" },
    });
  });

  it("draws only the moved visit anew; the others keep their identity so their blocks do not render again", () => {
    const shown = showMove(calendar, nine, MAYA, eleven);
    expect(shown).not.toBe(calendar);
    expect(shown.view).toBe("week");
    expect(shown.appointments[0]!.startsAt).toBe("2026-12-15T16:00:00.000Z");
    expect(shown.appointments[1]).toBe(ten);
    expect(calendar.appointments[0]).toBe(nine);
  });

  it("leaves a calendar without the visit (another week in the cache) as it was", () => {
    const otherWeek = { view: "week", appointments: [ten] };
    expect(showMove(otherWeek, nine, MAYA, eleven)).toBe(otherWeek);
    expect(undoMove(otherWeek, nine)).toBe(otherWeek);
    expect(confirmMove(otherWeek, { ...nine, version: 4 })).toBe(otherWeek);
  });

  it("puts a refused move back where it was", () => {
    const shown = showMove(calendar, nine, MAYA, eleven);
    const undone = undoMove(shown, nine);
    expect(undone.appointments[0]).toBe(nine);
    expect(undone.appointments[1]).toBe(ten);
  });

  it("keeps a newer version a refetch already brought, rather than the stale original", () => {
    const refetched = {
      ...calendar,
      appointments: [{ ...nine, version: 4, startsAt: "2026-12-15T18:00:00.000Z" }, ten],
    };
    expect(undoMove(refetched, nine)).toBe(refetched);
  });

  it("takes the server's version and times from its answer, keeping what the answer does not carry", () => {
    const shown = showMove(calendar, nine, MAYA, eleven);
    const saved = { ...movedAppointment(nine, MAYA, eleven), version: 4, patient: undefined };
    const confirmed = confirmMove(shown, saved);
    expect(confirmed.appointments[0]).toMatchObject({
      version: 4,
      startsAt: "2026-12-15T16:00:00.000Z",
      patient: { name: "Riley Kim" },
    });
    // An answer older than what the cache holds (a later refetch came first) changes nothing.
    expect(confirmMove(confirmed, { ...saved, version: 4 })).toBe(confirmed);
  });
});
