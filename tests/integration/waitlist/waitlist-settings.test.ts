import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getWaitlistSettings, updateWaitlistSettings } from "@/lib/waitlist/waitlist-settings";
import { createClinicWithPeople } from "../../factories";

let a: Awaited<ReturnType<typeof createClinicWithPeople>>;

beforeAll(async () => {
  a = await createClinicWithPeople();
});
afterAll(async () => {
  await db.$disconnect();
});

async function refusal(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e as { code: string; fieldErrors?: Record<string, string[]> },
  );
}

describe("waitlist offer settings", () => {
  it("start at 3 offers held 15 minutes, and an admin's save is what the offer pass reads", async () => {
    expect(await getWaitlistSettings(a.admin)).toEqual({ offersAtOnce: 3, holdMinutes: 15 });
    await updateWaitlistSettings(a.admin, { offersAtOnce: "5", holdMinutes: "30" });
    expect(await getWaitlistSettings(a.admin)).toEqual({ offersAtOnce: 5, holdMinutes: 30 });
    const row = await db.bookingSettings.findUniqueOrThrow({ where: { clinicId: a.clinic.id } });
    expect([row.waitlistOffersAtOnce, row.waitlistHoldMinutes]).toEqual([5, 30]);
    // Saving waitlist settings first leaves the booking rules at their defaults.
    expect([row.bookingWindowDays, row.minimumNoticeMinutes, row.lateCancellationHours, row.slotStepMinutes]).toEqual([
      60, 120, 24, 15,
    ]);
    const audit = await db.auditEvent.findFirst({
      where: { clinicId: a.clinic.id, action: "waitlist_settings.update" },
    });
    expect(audit).not.toBeNull();
  });

  it("refuses values out of range with field errors, and writes nothing", async () => {
    const bad = await refusal(updateWaitlistSettings(a.admin, { offersAtOnce: 0, holdMinutes: 500 }));
    expect(bad?.code).toBe("validation");
    expect(Object.keys(bad?.fieldErrors ?? {}).sort()).toEqual(["holdMinutes", "offersAtOnce"]);
    expect(await getWaitlistSettings(a.admin)).toEqual({ offersAtOnce: 5, holdMinutes: 30 });
  });

  it("is for the admin only", async () => {
    expect((await refusal(updateWaitlistSettings(a.frontDesk, { offersAtOnce: 2, holdMinutes: 10 })))?.code).toBe(
      "forbidden",
    );
    expect((await refusal(getWaitlistSettings(a.therapist)))?.code).toBe("forbidden");
  });
});
