import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listStaff } from "@/lib/staff/list-staff";
import { setUserActive } from "@/lib/staff/set-user-active";
import { createClinicWithPeople } from "../factories";

// Adding staff is by invitation now: tests/integration/accounts/staff-invitations.test.ts.
describe("staff accounts", () => {
  it("only admins list staff", async () => {
    const { therapist, frontDesk, patientA } = await createClinicWithPeople();
    for (const actor of [therapist, frontDesk, patientA.actor])
      await expect(listStaff(actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an admin cannot disable a user of another clinic, or themself", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    await expect(setUserActive(one.admin, { userId: two.therapist.userId, active: false })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(setUserActive(one.admin, { userId: one.admin.userId, active: false })).rejects.toMatchObject({
      code: "validation",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: two.therapist.userId } })).active).toBe(true);
  });
});
