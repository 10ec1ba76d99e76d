import { describe, expect, it } from "vitest";
import { addCounts, attendanceFigures, formatRate, NO_COUNTS, reminderGroup } from "@/lib/booking/attendance-rules";

describe("attendance figures", () => {
  it("divides no-shows by the visits recorded as held or missed, late cancellations by the visits due", () => {
    const f = attendanceFigures({
      attended: 15,
      noShows: 3,
      lateCancellations: 2,
      earlyCancellations: 7,
      unrecorded: 1,
    });
    // Due: 15 + 3 + 2 + 1 (early cancellations freed their time in good time).
    expect(f.visits).toBe(21);
    expect(f.noShowRate).toBeCloseTo(3 / 18);
    expect(f.lateCancellationRate).toBeCloseTo(2 / 21);
  });

  it("has no rate when there is nothing to divide by, and zero when nothing went wrong", () => {
    expect(attendanceFigures(NO_COUNTS)).toEqual({
      visits: 0,
      noShows: 0,
      lateCancellations: 0,
      noShowRate: null,
      lateCancellationRate: null,
    });
    // Only late cancellations: no visit was held or missed, so no no-show rate, but a 100% late rate.
    const onlyLate = attendanceFigures({ ...NO_COUNTS, lateCancellations: 2 });
    expect(onlyLate.noShowRate).toBeNull();
    expect(onlyLate.lateCancellationRate).toBe(1);
    expect(attendanceFigures({ ...NO_COUNTS, attended: 4 }).noShowRate).toBe(0);
  });

  it("adds counts field by field (totals over therapists or channels)", () => {
    const a = { attended: 1, noShows: 2, lateCancellations: 3, earlyCancellations: 4, unrecorded: 5 };
    expect(addCounts(a, a)).toEqual({
      attended: 2,
      noShows: 4,
      lateCancellations: 6,
      earlyCancellations: 8,
      unrecorded: 10,
    });
  });

  it("groups a visit by the reminders queued for it", () => {
    expect(reminderGroup([])).toBe("none");
    expect(reminderGroup(["email", "email"])).toBe("email");
    expect(reminderGroup(["sms"])).toBe("text");
    expect(reminderGroup(["sms", "email"])).toBe("both");
  });

  it("formats rates as percentages with one decimal", () => {
    expect(formatRate(1 / 8)).toBe("12.5%");
    expect(formatRate(0)).toBe("0.0%");
    expect(formatRate(null)).toBe("–");
  });
});
