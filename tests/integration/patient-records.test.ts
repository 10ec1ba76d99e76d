import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { bookSeries } from "@/lib/booking/book-series";
import { moveAppointment } from "@/lib/booking/move-appointment";
import { db } from "@/lib/db";
import { listCaseload } from "@/lib/patients/list-caseload";
import { LikelyDuplicateError, PatientChangedError } from "@/lib/patients/patient-errors";
import { registerPatient } from "@/lib/patients/register-patient";
import { isPatientActive } from "@/lib/patients/patient-status";
import { searchPatients } from "@/lib/patients/search-patients";
import { setPatientActive } from "@/lib/patients/set-patient-active";
import { updatePatient } from "@/lib/patients/update-patient";
import { createAppointmentType, futureMonday, giveWeekdayHours, localInstant } from "../factories/booking";
import { createClinicWithPeople, createUser } from "../factories";
import { completeInitialAnswers, submittedIntakeFor } from "../factories/intake";

const auditRows = (patientId: string, action: string) =>
  db.auditEvent.findMany({ where: { patientId, action }, orderBy: { id: "asc" } });

describe("correcting a patient's details", () => {
  it("writes only what changed and audits each changed field with its old and new value", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    const id = patientA.patient.id;
    const result = await updatePatient(frontDesk, id, {
      expectedVersion: 0,
      firstName: patientA.patient.firstName, // unchanged: not in the audit row
      phone: "(207) 555-0123",
      emergencyContactName: "Sam Rivera",
      emergencyContactPhone: "207 555 0456",
      emergencyContactRelationship: "Partner",
      dateOfBirth: "1981-06-07",
    });
    expect(result.changed.sort()).toEqual(
      ["dateOfBirth", "emergencyContactName", "emergencyContactPhone", "emergencyContactRelationship", "phone"].sort(),
    );
    expect(result.patient).toMatchObject({ phone: "+12075550123", dateOfBirth: "1981-06-07", version: 1 });
    const [row] = await auditRows(id, "patient.update");
    expect(row!.actorId).toBe(frontDesk.userId);
    expect(row!.details).toEqual({
      phone: { from: null, to: "+12075550123" },
      dateOfBirth: { from: "1980-05-05", to: "1981-06-07" },
      emergencyContactName: { from: null, to: "Sam Rivera" },
      emergencyContactPhone: { from: null, to: "+12075550456" },
      emergencyContactRelationship: { from: null, to: "Partner" },
    });
  });

  it("clears an optional field with an empty string and audits the old value", async () => {
    const { therapist, patientA } = await createClinicWithPeople();
    const email = patientA.patient.email;
    await updatePatient(therapist, patientA.patient.id, { expectedVersion: 0, email: "" });
    expect((await db.patient.findUniqueOrThrow({ where: { id: patientA.patient.id } })).email).toBeNull();
    const [row] = await auditRows(patientA.patient.id, "patient.update");
    expect(row!.details).toEqual({ email: { from: email, to: null } });
  });

  it("writes nothing and no audit row when nothing changed", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    const same = { expectedVersion: 0, firstName: patientA.patient.firstName, email: patientA.patient.email };
    const result = await updatePatient(frontDesk, patientA.patient.id, same);
    expect(result.changed).toEqual([]);
    expect(await auditRows(patientA.patient.id, "patient.update")).toHaveLength(0);
    expect((await db.patient.findUniqueOrThrow({ where: { id: patientA.patient.id } })).version).toBe(0);
  });

  it("refuses a save based on an older version with the current details (409), writing nothing", async () => {
    const { frontDesk, therapist, patientA } = await createClinicWithPeople();
    const id = patientA.patient.id;
    await updatePatient(therapist, id, { expectedVersion: 0, phone: "+12075550111" });
    const stale = updatePatient(frontDesk, id, { expectedVersion: 0, phone: "+12075550222" });
    await expect(stale).rejects.toBeInstanceOf(PatientChangedError);
    await expect(stale).rejects.toMatchObject({ code: "conflict", current: { phone: "+12075550111", version: 1 } });
    expect((await db.patient.findUniqueOrThrow({ where: { id } })).phone).toBe("+12075550111");
    expect(await auditRows(id, "patient.update")).toHaveLength(1);
  });

  it("lets one of two simultaneous saves win and refuses the other", async () => {
    const { frontDesk, therapist, patientA } = await createClinicWithPeople();
    const id = patientA.patient.id;
    const results = await Promise.allSettled([
      updatePatient(frontDesk, id, { expectedVersion: 0, city: "Portland" }),
      updatePatient(therapist, id, { expectedVersion: 0, city: "Bangor" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(PatientChangedError);
    expect(await auditRows(id, "patient.update")).toHaveLength(1);
  });

  it("answers another clinic's patient with 404 and a patient with 403, writing nothing", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    await expect(
      updatePatient(one.frontDesk, two.patientA.patient.id, { expectedVersion: 0, phone: "+12075550333" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updatePatient(one.patientA.actor, one.patientA.patient.id, { expectedVersion: 0, phone: "+12075550333" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setPatientActive(one.patientA.actor, one.patientA.patient.id, { active: false }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const rows = await db.patient.findMany({
      where: { id: { in: [one.patientA.patient.id, two.patientA.patient.id] } },
      select: { phone: true, active: true },
    });
    expect(rows.every((r) => r.phone === null && r.active)).toBe(true);
  });

  it("answers bad input with field errors", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    await expect(
      updatePatient(frontDesk, patientA.patient.id, {
        expectedVersion: 0,
        firstName: "",
        dateOfBirth: "2999-01-01",
        sex: "robot",
        emergencyContactPhone: "call me",
      }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: expect.objectContaining({
        firstName: expect.any(Array),
        dateOfBirth: expect.any(Array),
        sex: expect.any(Array),
        emergencyContactPhone: expect.any(Array),
      }),
    });
  });
});

describe("primary therapist", () => {
  it("must be an active therapist of the same clinic; the change is audited", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    const retired = await createUser(one.clinic.id, "therapist", { active: false });
    const id = one.patientA.patient.id;
    for (const therapistId of [two.therapist.userId, one.frontDesk.userId, retired.id, randomUUID()]) {
      await expect(
        updatePatient(one.frontDesk, id, { expectedVersion: 0, primaryTherapistId: therapistId }),
      ).rejects.toMatchObject({ code: "validation", fieldErrors: { primaryTherapistId: expect.any(Array) } });
    }
    await updatePatient(one.frontDesk, id, { expectedVersion: 0, primaryTherapistId: one.therapist.userId });
    const [row] = await auditRows(id, "patient.update");
    expect(row!.details).toEqual({ primaryTherapistId: { from: null, to: one.therapist.userId } });
    await expect(
      registerPatient(one.frontDesk, {
        firstName: "Noor",
        lastName: "Haddad",
        dateOfBirth: "1970-01-02",
        primaryTherapistId: two.therapist.userId,
      }),
    ).rejects.toMatchObject({ code: "validation" });
    const created = await registerPatient(one.frontDesk, {
      firstName: "Noor",
      lastName: "Haddad",
      dateOfBirth: "1970-01-02",
      primaryTherapistId: one.therapist.userId,
    });
    expect((await db.patient.findUniqueOrThrow({ where: { id: created.id } })).primaryTherapistId).toBe(
      one.therapist.userId,
    );
  });

  it("puts the patient on that therapist's 'My patients', and only active patients there", async () => {
    const { frontDesk, therapist, admin, patientA, patientB } = await createClinicWithPeople();
    await updatePatient(frontDesk, patientA.patient.id, { expectedVersion: 0, primaryTherapistId: therapist.userId });
    await updatePatient(frontDesk, patientB.patient.id, { expectedVersion: 0, primaryTherapistId: therapist.userId });
    await setPatientActive(frontDesk, patientB.patient.id, { active: false });
    const mine = await listCaseload(therapist, { view: "mine" });
    expect(mine.rows.map((r) => r.patientId)).toEqual([patientA.patient.id]);
    expect((await listCaseload(admin, { view: "mine" })).rows).toEqual([]);
    expect((await listCaseload(admin, { view: "clinic" })).rows.map((r) => r.patientId)).toEqual([patientA.patient.id]);
    await expect(listCaseload(frontDesk, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("inactive patients", () => {
  async function bookableClinic() {
    const world = await createClinicWithPeople();
    await giveWeekdayHours(world.clinic.id, world.therapist.userId);
    const type = await createAppointmentType(world.clinic.id, { onlineBookable: true });
    return { ...world, type };
  }

  it("keeps their history, leaves them out of default searches and audits the change", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    const id = patientA.patient.id;
    const out = await setPatientActive(frontDesk, id, { active: false, reason: "Discharged" });
    expect(out.patient).toMatchObject({ active: false, inactiveReason: "Discharged" });
    expect(await isPatientActive(id, patientA.patient.clinicId)).toBe(false);
    const q = patientA.patient.lastName;
    expect((await searchPatients(frontDesk, { q })).map((p) => p.id)).not.toContain(id);
    expect((await searchPatients(frontDesk, { q, includeInactive: true })).map((p) => p.id)).toContain(id);
    expect((await searchPatients(frontDesk, { q, includeInactive: "true" })).map((p) => p.id)).toContain(id);
    // Asking again changes nothing and writes no second row.
    await setPatientActive(frontDesk, id, { active: false });
    const rows = await auditRows(id, "patient.deactivate");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toEqual({
      active: { from: true, to: false },
      inactiveReason: { from: null, to: "Discharged" },
    });
    await setPatientActive(frontDesk, id, { active: true });
    expect(await auditRows(id, "patient.reactivate")).toHaveLength(1);
    expect((await searchPatients(frontDesk, { q })).map((p) => p.id)).toContain(id);
  });

  it("cannot be booked by staff, in a series, or by themselves; the patient cannot move a visit but staff can", async () => {
    const { clinic, frontDesk, therapist, patientA, type } = await bookableClinic();
    const monday = futureMonday(clinic.timeZone, 2);
    const booked = await bookAppointment(
      frontDesk,
      {
        appointmentTypeId: type.id,
        therapistId: therapist.userId,
        patientId: patientA.patient.id,
        startsAt: localInstant(monday, "09:00").toISOString(),
      },
      randomUUID(),
    );
    const marked = await setPatientActive(frontDesk, patientA.patient.id, { active: false });
    expect(marked.upcomingVisits).toBe(1);
    const staffBooking = bookAppointment(
      frontDesk,
      {
        appointmentTypeId: type.id,
        therapistId: therapist.userId,
        patientId: patientA.patient.id,
        startsAt: localInstant(monday, "11:00").toISOString(),
      },
      randomUUID(),
    );
    await expect(staffBooking).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/marked inactive/),
    });
    await expect(
      bookSeries(
        frontDesk,
        {
          appointmentTypeId: type.id,
          therapistId: therapist.userId,
          patientId: patientA.patient.id,
          firstDate: monday,
          weekdays: [2],
          time: "10:00",
          weeks: 2,
        },
        randomUUID(),
      ),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      bookAppointment(
        patientA.actor,
        {
          appointmentTypeId: type.id,
          therapistId: therapist.userId,
          startsAt: localInstant(monday, "13:00").toISOString(),
        },
        randomUUID(),
      ),
    ).rejects.toMatchObject({ code: "validation", message: expect.stringMatching(/call the clinic/) });
    const move = { expectedVersion: booked.appointment.version, startsAt: localInstant(monday, "14:00").toISOString() };
    await expect(moveAppointment(patientA.actor, booked.appointment.id, move)).rejects.toMatchObject({
      code: "validation",
    });
    await expect(moveAppointment(frontDesk, booked.appointment.id, move)).resolves.toMatchObject({
      id: booked.appointment.id,
    });
    expect(await db.appointment.count({ where: { patientId: patientA.patient.id } })).toBe(1);
  });
});

describe("likely duplicates at registration", () => {
  it("answers 409 with id, name and date of birth only, then registers when confirmed", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    const existing = await db.patient.update({
      where: { id: patientA.patient.id },
      data: { firstName: "José", lastName: "Álvarez", dateOfBirth: new Date("1975-03-14T00:00:00Z") },
    });
    const before = await db.patient.count({ where: { clinicId: existing.clinicId } });
    const input = { firstName: "Alvarez", lastName: "Jose", dateOfBirth: "1975-03-14", phone: "207 555 0100" };
    const refused = registerPatient(frontDesk, input);
    await expect(refused).rejects.toBeInstanceOf(LikelyDuplicateError);
    const error = (await refused.catch((e: unknown) => e)) as LikelyDuplicateError;
    expect(error.candidates).toEqual([
      { id: existing.id, firstName: "José", lastName: "Álvarez", dateOfBirth: "1975-03-14" },
    ]);
    expect(await db.patient.count({ where: { clinicId: existing.clinicId } })).toBe(before);

    const created = await registerPatient(frontDesk, { ...input, confirmDuplicate: true });
    expect(await db.patient.count({ where: { clinicId: existing.clinicId } })).toBe(before + 1);
    const [row] = await db.auditEvent.findMany({ where: { action: "patient.create", patientId: created.id } });
    expect(row!.details).toEqual({ confirmedDespiteLikelyDuplicate: true });
  });

  it("does not warn about a similar name with another date of birth, or another clinic's patient", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    const a = one.patientA.patient;
    await expect(
      registerPatient(one.frontDesk, { firstName: a.firstName, lastName: a.lastName, dateOfBirth: "1999-12-31" }),
    ).resolves.toBeTruthy();
    await expect(
      registerPatient(two.frontDesk, { firstName: a.firstName, lastName: a.lastName, dateOfBirth: "1980-05-05" }),
    ).resolves.toBeTruthy();
  });
});

describe("red-flag alert email", () => {
  it("goes to the clinic address and to the primary therapist, as separate messages without clinical detail", async () => {
    const { clinic, frontDesk, therapist, patientA } = await createClinicWithPeople();
    await db.clinic.update({ where: { id: clinic.id }, data: { email: "desk@clinic.example" } });
    await updatePatient(frontDesk, patientA.patient.id, { expectedVersion: 0, primaryTherapistId: therapist.userId });
    const answers = completeInitialAnswers();
    await submittedIntakeFor(frontDesk, patientA.patient.id, {
      ...answers,
      redFlags: { ...answers.redFlags, bladderBowel: "yes" },
    });
    const alerts = await db.outboxMessage.findMany({
      where: { clinicId: clinic.id, kind: "intake.red_flag_alert" },
      select: { toAddress: true, dedupeKey: true, subject: true, textBody: true },
    });
    const therapistEmail = (await db.user.findUniqueOrThrow({ where: { id: therapist.userId } })).email;
    expect(alerts.map((m) => m.toAddress).sort()).toEqual(["desk@clinic.example", therapistEmail].sort());
    expect(new Set(alerts.map((m) => m.dedupeKey)).size).toBe(2);
    for (const m of alerts) {
      const text = `${m.subject} ${m.textBody}`;
      expect(text).not.toContain(patientA.patient.lastName);
      expect(text).not.toMatch(/bladder|bowel/i);
    }
  });
});
