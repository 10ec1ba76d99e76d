import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPatient } from "@/lib/patients/get-patient";
import { registerPatient } from "@/lib/patients/register-patient";
import { searchPatients } from "@/lib/patients/search-patients";
import { createClinicWithPeople } from "../factories";

const newPatient = { firstName: "Morgan", lastName: "Vale", dateOfBirth: "1990-02-03", phone: "(207) 555-0199" };

describe("patients data access", () => {
  it("front desk registers a patient in their own clinic, audited in the same transaction", async () => {
    const { clinic, frontDesk } = await createClinicWithPeople();
    const created = await registerPatient(frontDesk, newPatient);
    const row = await db.patient.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ clinicId: clinic.id, phone: "+12075550199" });
    expect(
      await db.auditEvent.count({
        where: { action: "patient.create", patientId: created.id, actorId: frontDesk.userId },
      }),
    ).toBe(1);
  });

  it("refuses registration by a patient or therapist and writes nothing", async () => {
    const { therapist, patientA } = await createClinicWithPeople();
    const before = await db.patient.count();
    await expect(registerPatient(patientA.actor, newPatient)).rejects.toMatchObject({ code: "forbidden" });
    await expect(registerPatient(therapist, newPatient)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.patient.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { action: "access.denied", actorId: patientA.actor.userId } })).toBe(1);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const { frontDesk } = await createClinicWithPeople();
    const before = await db.patient.count();
    await expect(
      registerPatient(frontDesk, { firstName: "", dateOfBirth: "tomorrow", phone: "call me" }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: expect.objectContaining({
        firstName: ["Enter the first name."],
        lastName: expect.any(Array),
        dateOfBirth: expect.any(Array),
        phone: expect.any(Array),
      }),
    });
    expect(await db.patient.count()).toBe(before);
  });

  it("lets a patient read only their own record: another patient's id is a 404", async () => {
    const { patientA, patientB } = await createClinicWithPeople();
    await expect(getPatient(patientA.actor, patientA.patient.id)).resolves.toMatchObject({ id: patientA.patient.id });
    await expect(getPatient(patientA.actor, patientB.patient.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPatient(patientA.actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    await expect(searchPatients(patientA.actor, {})).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps staff inside their own clinic", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    await expect(getPatient(one.therapist, two.patientA.patient.id)).rejects.toMatchObject({ code: "not_found" });
    const found = await searchPatients(one.frontDesk, { q: "" });
    expect(found.map((p) => p.id).sort()).toEqual([one.patientA.patient.id, one.patientB.patient.id].sort());
    expect(
      await db.auditEvent.count({
        where: { action: "access.denied", actorId: one.therapist.userId, recordId: two.patientA.patient.id },
      }),
    ).toBe(1);
  });

  it("audits each read of a patient record", async () => {
    const { therapist, patientA } = await createClinicWithPeople();
    await getPatient(therapist, patientA.patient.id);
    expect(
      await db.auditEvent.count({
        where: { action: "patient.read", patientId: patientA.patient.id, actorId: therapist.userId },
      }),
    ).toBe(1);
  });

  it("finds patients by name, phone digits or date of birth", async () => {
    const { frontDesk } = await createClinicWithPeople();
    const created = await registerPatient(frontDesk, newPatient);
    for (const q of ["vale", "MORG", "555-0199", "1990-02-03"]) {
      const ids = (await searchPatients(frontDesk, { q })).map((p) => p.id);
      expect(ids, q).toContain(created.id);
    }
    expect(await searchPatients(frontDesk, { q: "nobody-by-this-name" })).toEqual([]);
  });
});
