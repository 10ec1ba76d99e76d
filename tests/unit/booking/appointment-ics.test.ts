import { describe, expect, it } from "vitest";
import { appointmentIcs, appointmentUid } from "@/lib/booking/appointment-ics";

const clinic = { name: "Harbor Point", address: "120 Wharf St", email: null, timeZone: "America/New_York" };
const base = {
  id: "0190-abc",
  startsAt: new Date("2026-11-02T14:00:00Z"), // Monday after the change: 9:00 EST
  endsAt: new Date("2026-11-02T14:45:00Z"),
  icsSequence: 0,
  cancelled: false,
  summary: "Follow-up",
  description: "Follow-up with Maya",
  patientName: "Alex Rivera",
  patientEmail: "alex@example.com",
};

describe("appointment .ics", () => {
  it("carries a stable UID, the sequence, the clinic's zone with its VTIMEZONE and a UTC stamp", () => {
    const ics = appointmentIcs(base, clinic);
    expect(ics).toContain(`UID:${appointmentUid(base.id)}`);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("SEQUENCE:0");
    expect(ics).toContain("DTSTART;TZID=America/New_York:20261102T090000");
    expect(ics).toContain("DTEND;TZID=America/New_York:20261102T094500");
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:America\/New_York/);
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });
  it("a cancellation is METHOD:CANCEL with STATUS:CANCELLED and the next sequence", () => {
    const ics = appointmentIcs({ ...base, cancelled: true, icsSequence: 3 }, clinic);
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:3");
    expect(ics).toContain(`UID:${appointmentUid(base.id)}`);
  });
  it("a summer visit is written in daylight time on the wall clock", () => {
    const ics = appointmentIcs(
      { ...base, startsAt: new Date("2026-07-06T13:00:00Z"), endsAt: new Date("2026-07-06T13:45:00Z") },
      clinic,
    );
    expect(ics).toContain("DTSTART;TZID=America/New_York:20260706T090000");
  });
});
