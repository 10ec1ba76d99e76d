import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { actorFor, createClinic, createPatient, createUser } from "../factories";
import { getPatient } from "@/lib/patients/get-patient";

describe("audit rows with text a client chose (found by fuzzing)", () => {
  it("stores a denial for an id with NUL or half an emoji instead of failing with a 500", async () => {
    const clinic = await createClinic();
    const actor = await actorFor(await createUser(clinic.id, "front_desk"));
    for (const bad of ["\u0000", "x\uD800y", "z".repeat(5000)]) {
      await expect(getPatient(actor, bad)).rejects.toMatchObject({ code: "not_found" });
    }
    const rows = await db.auditEvent.findMany({
      where: { actorId: actor.userId, action: "access.denied" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.recordId)).toEqual(["\uFFFD", "x\uFFFDy", "z".repeat(200)]);
  });

  it("cleans strings inside details the same way", async () => {
    const clinic = await createClinic();
    const patient = await createPatient(clinic.id);
    await recordAudit(
      { ip: "203.0.113.9", userAgent: "ua\u0000", clinicId: clinic.id },
      { action: "test.details", patientId: patient.id, details: { q: "a\u0000b", list: ["\uDC00"] } },
    );
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "test.details", clinicId: clinic.id } });
    expect(row.details).toEqual({ q: "a\uFFFDb", list: ["\uFFFD"] });
    expect(row.userAgent).toBe("ua\uFFFD");
  });
});
