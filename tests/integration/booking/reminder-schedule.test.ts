import { describe, expect, it } from "vitest";
import { getReminderSchedule, updateReminderSchedule } from "@/lib/booking/reminder-schedule";
import { db } from "@/lib/db";
import { createClinic, createStaffActor } from "../../factories/index";

describe("reminder schedule", () => {
  it("is the default until saved, then the clinic's own, replaced whole and audited", async () => {
    const clinic = await createClinic();
    const admin = await createStaffActor(clinic.id, "admin");
    expect(await getReminderSchedule(admin)).toEqual({
      rules: [
        { channel: "email", hoursBefore: 48 },
        { channel: "sms", hoursBefore: 2 },
      ],
      isDefault: true,
    });
    await updateReminderSchedule(admin, {
      rules: [
        { channel: "sms", hoursBefore: "3" },
        { channel: "email", hoursBefore: 24 },
      ],
    });
    await updateReminderSchedule(admin, {
      rules: [
        { channel: "email", hoursBefore: 72 },
        { channel: "sms", hoursBefore: 3 },
      ],
    });
    expect(await getReminderSchedule(admin)).toEqual({
      rules: [
        { channel: "email", hoursBefore: 72 },
        { channel: "sms", hoursBefore: 3 },
      ],
      isDefault: false,
    });
    expect(await db.auditEvent.count({ where: { clinicId: clinic.id, action: "reminder_schedule.update" } })).toBe(2);
  });

  it("refuses bad schedules with field errors and changes nothing", async () => {
    const clinic = await createClinic();
    const admin = await createStaffActor(clinic.id, "admin");
    const refused = async (input: unknown) => {
      const error = await updateReminderSchedule(admin, input).then(
        () => null,
        (e: unknown) => e as { code: string; fieldErrors: Record<string, string[]> },
      );
      expect(error?.code).toBe("validation");
      return Object.keys(error!.fieldErrors);
    };
    expect(await refused({ rules: [{ channel: "email", hoursBefore: 0 }] })).toEqual(["rules.0.hoursBefore"]);
    expect(await refused({ rules: [{ channel: "email", hoursBefore: 169 }] })).toEqual(["rules.0.hoursBefore"]);
    expect(await refused({ rules: [{ channel: "fax", hoursBefore: 2 }] })).toEqual(["rules.0.channel"]);
    expect(
      await refused({
        rules: [
          { channel: "sms", hoursBefore: 2 },
          { channel: "sms", hoursBefore: 2 },
        ],
      }),
    ).toEqual(["rules.1.hoursBefore"]);
    expect(await refused({ rules: [] })).toEqual(["rules"]);
    expect(await refused({ rules: [1, 2, 3, 4, 5, 6].map((h) => ({ channel: "email", hoursBefore: h })) })).toEqual([
      "rules",
    ]);
    expect(await refused({})).toEqual(["rules"]);
    expect(await db.reminderRule.count({ where: { clinicId: clinic.id } })).toBe(0);
  });

  it("settles two admins saving at once: one whole schedule wins, never a mix or an error", async () => {
    const clinic = await createClinic();
    const [a, b] = await Promise.all([createStaffActor(clinic.id, "admin"), createStaffActor(clinic.id, "admin")]);
    const one = {
      rules: [
        { channel: "email", hoursBefore: 24 },
        { channel: "sms", hoursBefore: 2 },
      ],
    };
    const two = {
      rules: [
        { channel: "email", hoursBefore: 24 },
        { channel: "sms", hoursBefore: 4 },
      ],
    };
    await Promise.all([updateReminderSchedule(a, one), updateReminderSchedule(b, two)]);
    const { rules } = await getReminderSchedule(a);
    expect([one.rules, two.rules].map((r) => JSON.stringify(r))).toContain(JSON.stringify(rules));
  });
});
