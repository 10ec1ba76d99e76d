import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refillShare } from "@/lib/waitlist/refill-share";
import { createClinicWithPeople } from "../../factories";

const NOW = new Date("2026-06-30T12:00:00Z");
const at = (iso: string) => new Date(iso);
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe("refillShare", () => {
  it("counts freed times that started in the period, the share filled from the waitlist and the median minutes to fill", async () => {
    const { clinic, admin, therapist } = await createClinicWithPeople();
    const other = await createClinicWithPeople();
    const freed = (
      clinicId: string,
      therapistId: string,
      key: string,
      startsAt: Date,
      createdAt: Date,
      status: "open" | "filled" | "closed",
      fillAfterMinutes?: number,
    ) =>
      db.freedTime.create({
        data: {
          clinicId,
          therapistId,
          sourceKey: key,
          startsAt,
          endsAt: minutes(startsAt, 60),
          createdAt,
          status,
          filledAt: fillAfterMinutes === undefined ? null : minutes(createdAt, fillAfterMinutes),
        },
      });
    const t = therapist.userId;
    // In the last 30 days: filled after 30, 90 and 600 minutes, one closed, one still open (it started unfilled).
    await freed(clinic.id, t, "a", at("2026-06-10T14:00:00Z"), at("2026-06-08T09:00:00Z"), "filled", 30);
    await freed(clinic.id, t, "b", at("2026-06-20T14:00:00Z"), at("2026-06-19T09:00:00Z"), "filled", 90);
    await freed(clinic.id, t, "c", at("2026-06-25T14:00:00Z"), at("2026-06-24T09:00:00Z"), "filled", 600);
    await freed(clinic.id, t, "d", at("2026-06-26T14:00:00Z"), at("2026-06-26T09:00:00Z"), "closed");
    await freed(clinic.id, t, "e", at("2026-06-29T14:00:00Z"), at("2026-06-29T09:00:00Z"), "open");
    // Not counted: started before the period, starts after now, another clinic's.
    await freed(clinic.id, t, "f", at("2026-05-20T14:00:00Z"), at("2026-05-19T09:00:00Z"), "filled", 5);
    await freed(clinic.id, t, "g", at("2026-07-02T14:00:00Z"), at("2026-06-29T09:00:00Z"), "filled", 5);
    await freed(
      other.clinic.id,
      other.therapist.userId,
      "h",
      at("2026-06-20T14:00:00Z"),
      at("2026-06-19T09:00:00Z"),
      "filled",
      1,
    );

    // Hand-computed: 5 freed, 3 filled, share 3/5 = 0.6, median of (30, 90, 600) = 90.
    expect(await refillShare(admin, { days: 30 }, NOW)).toEqual({
      days: 30,
      freed: 5,
      filled: 3,
      share: 0.6,
      medianMinutesToFill: 90,
    });
    // Over 7 days only c, d and e: 1 of 3, median 600.
    expect(await refillShare(admin, { days: 7 }, NOW)).toMatchObject({ freed: 3, filled: 1, medianMinutesToFill: 600 });
  });

  it("refuses anyone but an admin, and bad input with a field error", async () => {
    const { admin, frontDesk } = await createClinicWithPeople();
    await expect(refillShare(frontDesk, { days: 30 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(refillShare(admin, { days: 0 })).rejects.toMatchObject({ code: "validation" });
    expect(await refillShare(admin, { days: 90 })).toMatchObject({ freed: 0, share: 0, medianMinutesToFill: null });
  });
});
