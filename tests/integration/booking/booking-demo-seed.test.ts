import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "../../../prisma/seed/demo-data";

describe("booking demo data", () => {
  it("seeds types, hours and a week of appointments that satisfy every constraint", async () => {
    const core = await seedDemo(db as unknown as PrismaClient, {
      mfaKeyMaterial: "integration-test-key-material-0123456789",
    });
    const types = await db.appointmentType.findMany({ where: { clinicId: core.clinicId }, orderBy: { name: "asc" } });
    expect(types.map((t) => `${t.name} ${t.durationMinutes}`)).toEqual([
      "Follow-up 45",
      "Initial evaluation 60",
      "Re-evaluation 30",
    ]);
    expect(await db.weeklyScheduleBlock.count({ where: { clinicId: core.clinicId } })).toBeGreaterThan(10);
    const appointments = await db.appointment.findMany({ where: { clinicId: core.clinicId } });
    expect(appointments.length).toBeGreaterThan(15);
    expect(appointments.some((a) => a.status === "booked" && a.startsAt.getTime() > Date.now())).toBe(true);
    expect(appointments.some((a) => a.status === "completed")).toBe(true);
  });
});
