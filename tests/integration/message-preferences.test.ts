import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateClinicSettings } from "@/lib/clinics/update-clinic-settings";
import { getMessagePreferences, setMessagePreferences } from "@/lib/patients/message-preferences";
import { reachableBy } from "@/lib/patients/message-channel-rules";
import { registerPatient } from "@/lib/patients/register-patient";
import { updatePatient } from "@/lib/patients/update-patient";
import { createClinic, createClinicWithPeople, createStaffActor } from "../factories";

const consentRows = (patientId: string) =>
  db.auditEvent.findMany({
    where: { patientId, action: "patient.message_preferences.update" },
    orderBy: { id: "asc" },
    select: { details: true, actorId: true },
  });

describe("message preferences and text consent", () => {
  it("records a patient's opt-in from the portal with its time and source, and audits the words agreed to", async () => {
    const { patientA, clinic } = await createClinicWithPeople();
    const before = new Date();
    const saved = await setMessagePreferences(patientA.actor, patientA.patient.id, {
      channels: "both",
      phone: "(201) 555-0123",
      consent: true,
    });
    expect(saved).toMatchObject({
      channels: "both",
      phone: "+12015550123",
      phoneText: "(201) 555-0123",
      textConsentSource: "portal",
      textOptedOutAt: null,
      textsAllowed: true,
    });
    expect(new Date(saved.textConsentAt!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const row = await db.patient.findUniqueOrThrow({ where: { id: patientA.patient.id } });
    expect(reachableBy(row)).toEqual({ email: row.email, sms: "+12015550123" });
    const [audit] = await consentRows(patientA.patient.id);
    expect(audit!.details).toMatchObject({
      channels: { from: "email", to: "both" },
      consent: "given",
      source: "portal",
      wording: expect.stringContaining(`from ${clinic.name}`),
    });
    expect(JSON.stringify(audit!.details)).toContain("Reply STOP to opt out, HELP for help");
  });

  it("refuses texts without the box ticked or without a number, with field errors, and writes nothing", async () => {
    const { patientA } = await createClinicWithPeople();
    await expect(
      setMessagePreferences(patientA.actor, patientA.patient.id, { channels: "text" }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { phone: expect.any(Array) },
    });
    await expect(
      setMessagePreferences(patientA.actor, patientA.patient.id, { channels: "text", phone: "2015550123" }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { consent: expect.any(Array) } });
    await expect(
      setMessagePreferences(patientA.actor, patientA.patient.id, {
        channels: "text",
        phone: "555-0123",
        consent: true,
      }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { phone: ["Enter a valid phone number, e.g. (201) 555-0123."] },
    });
    const row = await db.patient.findUniqueOrThrow({ where: { id: patientA.patient.id } });
    expect(row).toMatchObject({ phone: null, messageChannels: "email", textConsentAt: null });
    expect(await consentRows(patientA.patient.id)).toEqual([]);
  });

  it("withdraws consent when the patient switches to email only, and needs a new tick to text again", async () => {
    const { patientA } = await createClinicWithPeople();
    const id = patientA.patient.id;
    await setMessagePreferences(patientA.actor, id, { channels: "text", phone: "2015550123", consent: true });
    const stopped = await setMessagePreferences(patientA.actor, id, { channels: "email" });
    expect(stopped).toMatchObject({ channels: "email", textsAllowed: false });
    expect(stopped.textOptedOutAt).not.toBeNull();
    await expect(setMessagePreferences(patientA.actor, id, { channels: "both" })).rejects.toMatchObject({
      fieldErrors: { consent: expect.any(Array) },
    });
    const again = await setMessagePreferences(patientA.actor, id, { channels: "both", consent: true });
    expect(again).toMatchObject({ textsAllowed: true, textOptedOutAt: null });
    expect((await consentRows(id)).map((r) => (r.details as { consent?: string }).consent)).toEqual([
      "given",
      "withdrawn",
      "given",
    ]);
  });

  it("lets the front desk record consent heard in person, with the channel choice, and needs to say how", async () => {
    const { frontDesk, patientB } = await createClinicWithPeople();
    const id = patientB.patient.id;
    await expect(
      setMessagePreferences(frontDesk, id, { channels: "both", phone: "+44 7400 123456", consent: true }),
    ).rejects.toMatchObject({ fieldErrors: { consentMethod: expect.any(Array) } });
    const saved = await setMessagePreferences(frontDesk, id, {
      channels: "both",
      phone: "+44 7400 123456",
      consent: true,
      consentMethod: "in_person",
    });
    expect(saved).toMatchObject({
      textConsentSource: "front_desk",
      phone: "+447400123456",
      phoneText: "+44 7400 123456",
    });
    expect((await consentRows(id))[0]!.details).toMatchObject({ source: "front_desk", method: "in_person" });
    // The patient sees what the front desk recorded.
    expect(await getMessagePreferences(patientB.actor, id)).toMatchObject({ textsAllowed: true, channels: "both" });
  });

  it("keeps a patient to their own record and staff to their own clinic", async () => {
    const { patientA, patientB } = await createClinicWithPeople();
    const otherFrontDesk = await createStaffActor((await createClinic()).id, "front_desk");
    await expect(getMessagePreferences(patientA.actor, patientB.patient.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      setMessagePreferences(patientA.actor, patientB.patient.id, { channels: "email" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(getMessagePreferences(otherFrontDesk, patientB.patient.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      setMessagePreferences(otherFrontDesk, patientB.patient.id, {
        channels: "text",
        phone: "2015550123",
        consent: true,
        consentMethod: "phone",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await db.patient.findUniqueOrThrow({ where: { id: patientB.patient.id } })).textConsentAt).toBeNull();
  });

  it("forgets a consent when the number it was given for changes", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    const id = patientA.patient.id;
    await setMessagePreferences(patientA.actor, id, { channels: "text", phone: "2015550123", consent: true });
    const { version } = await db.patient.findUniqueOrThrow({ where: { id } });
    await updatePatient(frontDesk, id, { expectedVersion: version, phone: "(201) 555-0199" });
    expect(await getMessagePreferences(frontDesk, id)).toMatchObject({ phone: "+12015550199", textsAllowed: false });
  });

  it("stores phones typed at registration in E.164 in the clinic's country, and refuses an invalid one by field", async () => {
    const clinic = await db.clinic.create({
      data: {
        name: "Exeter PT",
        address: "1 High St",
        phone: "01392 555010",
        timeZone: "Europe/London",
        country: "GB",
      },
    });
    const frontDesk = await createStaffActor(clinic.id, "front_desk");
    const p = await registerPatient(frontDesk, {
      firstName: "Amy",
      lastName: "Pond",
      dateOfBirth: "1990-01-01",
      phone: "07400 123456",
    });
    expect((await db.patient.findUniqueOrThrow({ where: { id: p.id } })).phone).toBe("+447400123456");
    await expect(
      registerPatient(frontDesk, {
        firstName: "Rory",
        lastName: "Williams",
        dateOfBirth: "1990-01-01",
        phone: "07400 12345",
      }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { phone: ["Enter a valid phone number, e.g. 07400 123456."] },
    });
  });

  it("reads numbers in the country the admin chose for the clinic, and refuses an unknown country by field", async () => {
    const { clinic, admin, frontDesk } = await createClinicWithPeople();
    const details = { name: clinic.name, address: clinic.address, phone: clinic.phone, email: "desk@test.example" };
    const timeZone = clinic.timeZone;
    await expect(updateClinicSettings(admin, { ...details, timeZone, country: "ZZ" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { country: expect.any(Array) },
    });
    const result = await updateClinicSettings(admin, { ...details, timeZone, country: "gb" });
    expect(result.changed).toContain("country");
    const p = await registerPatient(frontDesk, {
      firstName: "Clara",
      lastName: "Oswald",
      dateOfBirth: "1989-11-23",
      phone: "07400 123456",
    });
    expect((await db.patient.findUniqueOrThrow({ where: { id: p.id } })).phone).toBe("+447400123456");
    // Leaving the country out of a later save keeps it.
    await updateClinicSettings(admin, { ...details, name: `${clinic.name} PT`, timeZone });
    expect((await db.clinic.findUniqueOrThrow({ where: { id: clinic.id } })).country).toBe("GB");
  });

  it("lets a patient with an old unparseable number on file choose email only, and writes nothing when nothing changes", async () => {
    const { patientA } = await createClinicWithPeople();
    const id = patientA.patient.id;
    await db.patient.update({ where: { id }, data: { phone: "555-0100", messageChannels: "both" } });
    const saved = await setMessagePreferences(patientA.actor, id, { channels: "email", phone: "555-0100" });
    expect(saved).toMatchObject({ channels: "email", phone: "555-0100", textsAllowed: false });
    await setMessagePreferences(patientA.actor, id, { channels: "email", phone: "555-0100" });
    expect(await consentRows(id)).toHaveLength(1);
  });
});
