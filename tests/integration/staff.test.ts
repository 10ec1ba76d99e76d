import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { listStaff } from "@/lib/staff/list-staff";
import { setUserActive } from "@/lib/staff/set-user-active";
import { createClinicWithPeople } from "../factories";

let n = 0;
const newInput = () => ({
  name: "Jamie Fox",
  email: `Jamie.Fox${++n}@Clinic.example`,
  role: "therapist",
  temporaryPassword: "a temporary passphrase",
});

describe("staff accounts", () => {
  it("admin creates a staff account in their clinic; a welcome email is queued in the same transaction", async () => {
    const { clinic, admin } = await createClinicWithPeople();
    const input = newInput();
    const user = await createStaffUser(admin, input);
    const row = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { clinicId: true, email: true, role: true, passwordHash: true },
    });
    expect(row).toMatchObject({ clinicId: clinic.id, email: input.email.toLowerCase(), role: "therapist" });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: input.email.toLowerCase() } });
    expect(mail).toMatchObject({ kind: "staff.welcome", status: "pending", clinicId: clinic.id });
    expect(mail.textBody).not.toContain("a temporary passphrase");
  });

  it("refuses a duplicate email with a field error", async () => {
    const { admin } = await createClinicWithPeople();
    const input = newInput();
    await createStaffUser(admin, input);
    await expect(createStaffUser(admin, input)).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: [expect.stringContaining("already exists")] },
    });
  });

  it("two admins adding the same email at once: exactly one account, the other gets a conflict", async () => {
    const { admin } = await createClinicWithPeople();
    const input = newInput();
    const results = await Promise.allSettled([
      createStaffUser(admin, input),
      createStaffUser(admin, input),
      createStaffUser(admin, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { email: input.email.toLowerCase() } })).toBe(1);
  });

  it("only admins manage staff", async () => {
    const { therapist, frontDesk, patientA } = await createClinicWithPeople();
    for (const actor of [therapist, frontDesk, patientA.actor]) {
      await expect(createStaffUser(actor, newInput())).rejects.toMatchObject({ code: "forbidden" });
      await expect(listStaff(actor)).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("cannot create a patient account or an unknown role through the staff form", async () => {
    const { admin } = await createClinicWithPeople();
    await expect(createStaffUser(admin, { ...newInput(), role: "patient" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { role: expect.any(Array) },
    });
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
