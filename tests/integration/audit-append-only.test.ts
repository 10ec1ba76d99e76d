import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { createClinicWithPeople } from "../factories";

describe("audit log", () => {
  it("accepts inserts and refuses UPDATE, DELETE and TRUNCATE from the app's own connection", async () => {
    const { therapist, patientA } = await createClinicWithPeople();
    await recordAudit(therapist, { action: "patient.read", patientId: patientA.patient.id });
    const row = await db.auditEvent.findFirstOrThrow({ where: { actorId: therapist.userId, action: "patient.read" } });
    expect(row.patientId).toBe(patientA.patient.id);
    expect(row.ip).toBe("203.0.113.7");

    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);

    const after = await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.action).toBe("patient.read");
  });
});
