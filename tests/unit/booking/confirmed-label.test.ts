import { describe, expect, it } from "vitest";
import { appointmentLabel, CONFIRMED_LABEL, STATUS_LABEL } from "@/lib/booking/status-rules";

describe("an appointment's label", () => {
  it("reads Confirmed for a booked visit the patient confirmed", () => {
    expect(appointmentLabel("booked", "2026-03-02T10:00:00Z")).toBe(CONFIRMED_LABEL);
    expect(appointmentLabel("booked", null)).toBe(STATUS_LABEL.booked);
  });

  it("shows the status once the visit is no longer just booked", () => {
    expect(appointmentLabel("checked_in", new Date())).toBe(STATUS_LABEL.checked_in);
    expect(appointmentLabel("cancelled", new Date())).toBe(STATUS_LABEL.cancelled);
  });
});
