import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { getPatient } from "@/lib/patients/get-patient";
import { createClinicWithPeople } from "../factories";

const TZ = "America/New_York";

describe("audit log listing", () => {
  it("only admins read it, and only their own clinic's events", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    await getPatient(two.therapist, two.patientA.patient.id);
    for (const actor of [one.therapist, one.frontDesk, one.patientA.actor]) {
      await expect(listAuditEvents(actor, {}, TZ)).rejects.toMatchObject({ code: "forbidden" });
    }
    const { events } = await listAuditEvents(one.admin, {}, TZ);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.clinicId === one.clinic.id)).toBe(true);
  });

  it("filters by patient name, user, action and local dates, and audits the reading", async () => {
    const { admin, therapist, frontDesk, patientA, patientB } = await createClinicWithPeople();
    await getPatient(therapist, patientA.patient.id);
    await getPatient(frontDesk, patientB.patient.id);
    const byPatient = await listAuditEvents(admin, { patient: patientA.patient.lastName }, TZ);
    expect(byPatient.events.map((e) => e.patientId)).toEqual([patientA.patient.id]);
    expect(byPatient.patientNames[patientA.patient.id]).toContain(patientA.patient.lastName);

    const byUser = await listAuditEvents(admin, { user: frontDesk.userId }, TZ);
    expect(byUser.events.every((e) => e.actorId === frontDesk.userId)).toBe(true);
    expect(byUser.events.map((e) => e.patientId)).toContain(patientB.patient.id);

    const byAction = await listAuditEvents(admin, { action: "patient.read" }, TZ);
    expect(byAction.events).toHaveLength(2);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());
    expect((await listAuditEvents(admin, { action: "patient.read", from: today, to: today }, TZ)).events).toHaveLength(
      2,
    );
    expect((await listAuditEvents(admin, { action: "patient.read", to: "2000-01-01" }, TZ)).events).toHaveLength(0);

    expect(await db.auditEvent.count({ where: { actorId: admin.userId, action: "audit.read" } })).toBe(5);
  });

  it("pages through older events", async () => {
    const { admin } = await createClinicWithPeople();
    for (let i = 0; i < 60; i++) await recordAudit(admin, { action: "paging.test", details: { i } });
    const first = await listAuditEvents(admin, { action: "paging.test" }, TZ);
    expect(first.events).toHaveLength(50);
    const second = await listAuditEvents(admin, { action: "paging.test", before: first.nextBefore }, TZ);
    expect(second.events).toHaveLength(10);
    expect(second.nextBefore).toBeNull();
  });

  it("rejects a malformed filter with field errors", async () => {
    const { admin } = await createClinicWithPeople();
    await expect(listAuditEvents(admin, { user: "not-a-user", from: "yesterday" }, TZ)).rejects.toMatchObject({
      code: "validation",
      fieldErrors: expect.objectContaining({ user: expect.any(Array), from: expect.any(Array) }),
    });
  });
});
