import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { findSlots } from "@/lib/booking/find-slots";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { updateClinicSettings } from "@/lib/clinics/update-clinic-settings";
import { db } from "@/lib/db";
import { createClinicWithPeople, createStaffActor } from "../factories";
import {
  asRoute,
  createAppointmentType,
  futureMonday,
  giveWeekdayHours,
  jsonRequest,
  localInstant,
} from "../factories/booking";

type People = Awaited<ReturnType<typeof createClinicWithPeople>>;
let p: People;

const settingsOf = async (clinicId: string) => {
  const c = await db.clinic.findUniqueOrThrow({ where: { id: clinicId } });
  return { name: c.name, address: c.address, phone: c.phone, email: c.email ?? "", timeZone: c.timeZone };
};
const updates = (clinicId: string) =>
  db.auditEvent.findMany({ where: { clinicId, action: "clinic.update" }, orderBy: { id: "asc" } });

beforeEach(async () => {
  p = await createClinicWithPeople();
  await db.clinic.update({ where: { id: p.clinic.id }, data: { email: "desk@harbor.example" } });
});

describe("clinic settings", () => {
  it("saves the admin's changes and audits each changed field with its old and new value", async () => {
    const before = await settingsOf(p.clinic.id);
    const result = await updateClinicSettings(p.admin, {
      ...before,
      name: "  Harbor Point PT  ",
      phone: "(207) 555-0199",
    });
    expect(result.changed.sort()).toEqual(["name", "phone"]);
    expect(await settingsOf(p.clinic.id)).toEqual({ ...before, name: "Harbor Point PT", phone: "(207) 555-0199" });
    const [row, ...more] = await updates(p.clinic.id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actorId: p.admin.userId, actorRole: "admin", recordType: "Clinic" });
    expect(row!.details).toEqual({
      changes: {
        name: { from: before.name, to: "Harbor Point PT" },
        phone: { from: before.phone, to: "(207) 555-0199" },
      },
    });

    // Saving the same values again changes nothing and writes no audit row.
    expect((await updateClinicSettings(p.admin, await settingsOf(p.clinic.id))).changed).toEqual([]);
    expect(await updates(p.clinic.id)).toHaveLength(1);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const before = await settingsOf(p.clinic.id);
    const attempt = updateClinicSettings(p.admin, {
      ...before,
      name: "",
      email: "not-an-email",
      phone: "call us",
      timeZone: "Mars/Olympus_Mons",
      confirmTimeZoneChange: true,
    });
    await expect(attempt).rejects.toMatchObject({ code: "validation" });
    const fields = await attempt.catch((e: { fieldErrors: Record<string, string[]> }) => Object.keys(e.fieldErrors));
    expect(fields).toEqual(expect.arrayContaining(["name", "email", "phone", "timeZone"]));
    expect(await settingsOf(p.clinic.id)).toEqual(before);
    expect(await updates(p.clinic.id)).toEqual([]);
  });

  it("changes the time zone only when confirmed; booked visits keep their instant, weekly hours stay local", async () => {
    await giveWeekdayHours(p.clinic.id, p.therapist.userId, 8 * 60, 12 * 60);
    const type = await createAppointmentType(p.clinic.id, { durationMinutes: 30 });
    const monday = futureMonday("America/New_York");
    const booked = await asRoute((req: Request) => bookingHandlers.book(p.frontDesk, req))(
      jsonRequest(
        "POST",
        {
          appointmentTypeId: type.id,
          therapistId: p.therapist.userId,
          patientId: p.patientA.patient.id,
          startsAt: localInstant(monday, "10:00", "America/New_York").toISOString(),
        },
        { "idempotency-key": randomUUID() },
      ),
    );
    expect(booked.status).toBe(201);
    const appointment = (await booked.json()).appointment as { id: string; startsAt: string };
    const firstSlot = async () =>
      (await findSlots(p.frontDesk, { appointmentTypeId: type.id, from: monday, to: monday })).slots[0]!.start;
    expect(await firstSlot()).toBe(localInstant(monday, "08:00", "America/New_York").toISOString());
    expect((await getClinicSettings(p.admin)).upcomingVisits).toBe(1);

    const before = await settingsOf(p.clinic.id);
    const unconfirmed = updateClinicSettings(p.admin, { ...before, timeZone: "America/Chicago" });
    await expect(unconfirmed).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { timeZone: expect.any(Array) },
    });
    expect((await settingsOf(p.clinic.id)).timeZone).toBe("America/New_York");

    await updateClinicSettings(p.admin, { ...before, timeZone: "America/Chicago", confirmTimeZoneChange: true });
    expect((await settingsOf(p.clinic.id)).timeZone).toBe("America/Chicago");
    const after = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(after.startsAt.toISOString()).toBe(appointment.startsAt);
    // Working hours are wall-clock minutes: 8:00 is now 8:00 in Chicago, an hour later as an instant.
    expect(await firstSlot()).toBe(localInstant(monday, "08:00", "America/Chicago").toISOString());
    const [row] = await updates(p.clinic.id);
    expect(row!.details).toEqual({ changes: { timeZone: { from: "America/New_York", to: "America/Chicago" } } });
  });

  it("stores a zone the runtime knows by another name under the list's name", async () => {
    const before = await settingsOf(p.clinic.id);
    await updateClinicSettings(p.admin, { ...before, timeZone: "US/Pacific", confirmTimeZoneChange: true });
    expect((await settingsOf(p.clinic.id)).timeZone).toBe("America/Los_Angeles");
  });

  it("refuses a save over a newer one (optimistic concurrency)", async () => {
    const opened = (await getClinicSettings(p.admin)).updatedAt.toISOString();
    const before = await settingsOf(p.clinic.id);
    await updateClinicSettings(p.admin, { ...before, name: "First save", expectedUpdatedAt: opened });
    await expect(
      updateClinicSettings(p.admin, { ...before, name: "Second save", expectedUpdatedAt: opened }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await settingsOf(p.clinic.id)).name).toBe("First save");
  });

  it("lets another clinic's admin change only their own clinic", async () => {
    const other = await createClinicWithPeople();
    const before = await settingsOf(p.clinic.id);
    await updateClinicSettings(other.admin, { ...before, name: "Taken over", email: "x@other.example" });
    expect(await settingsOf(p.clinic.id)).toEqual(before);
    expect((await settingsOf(other.clinic.id)).name).toBe("Taken over");
    expect(await updates(p.clinic.id)).toEqual([]);
  });

  it("refuses everyone but admins, and audits the refusal", async () => {
    const before = await settingsOf(p.clinic.id);
    const frontDesk = await createStaffActor(p.clinic.id, "front_desk");
    for (const actor of [p.therapist, frontDesk, p.patientA.actor]) {
      await expect(updateClinicSettings(actor, { ...before, name: "Nope" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(getClinicSettings(actor)).rejects.toMatchObject({ code: "forbidden" });
      expect(
        await db.auditEvent.count({ where: { actorId: actor.userId, action: "access.denied", outcome: "denied" } }),
      ).toBe(2);
    }
    expect(await settingsOf(p.clinic.id)).toEqual(before);
  });
});
