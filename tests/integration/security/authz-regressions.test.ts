import { describe, expect, it } from "vitest";
import { auditChainCounts, listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { retryFailedMessage } from "@/lib/notifications/retry-message";
import { saveProgramTemplate } from "@/lib/programs/program-templates";
import { saveProgram } from "@/lib/programs/save-program";
import { todayIn } from "@/lib/time/calendar-rules";
import { setUserActive } from "@/lib/staff/set-user-active";
import { createClinicWithPeople } from "../../factories";
import { createExercise, itemInput } from "../../factories/exercises";

/** One test per hole the authorization matrix found (docs/decisions/041-authorization-matrix.md). */
describe("authorization holes found by the matrix stay closed", () => {
  it("an admin's audit-chain counts are of their own clinic's rows, not every clinic's", async () => {
    const [home, away] = [await createClinicWithPeople(), await createClinicWithPeople()];
    for (let i = 0; i < 5; i++) await recordAudit(away.therapist, { action: "test.busy_elsewhere" });
    await recordAudit(home.therapist, { action: "test.here" });
    const counts = await auditChainCounts(home.admin);
    expect(counts.sealed + counts.unsealed).toBe(await db.auditEvent.count({ where: { clinicId: home.clinic.id } }));
  });

  it("retrying a failed message with an id that is not a UUID is a plain 404, not a database error", async () => {
    const { admin } = await createClinicWithPeople();
    await expect(retryFailedMessage(admin, "1 OR 1=1")).rejects.toMatchObject({ code: "not_found" });
  });

  it("an admin cannot switch a patient's portal account off (or on): staff accounts only", async () => {
    const { admin, patientA } = await createClinicWithPeople();
    await expect(setUserActive(admin, { userId: patientA.user.id, active: false })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: patientA.user.id } })).active).toBe(true);
  });

  it("the audit list names only users of the admin's own clinic", async () => {
    const [home, away] = [await createClinicWithPeople(), await createClinicWithPeople()];
    // A row that names another clinic's user (none is written this way today; the list must not trust it).
    await db.auditEvent.create({
      data: { clinicId: home.clinic.id, actorId: away.therapist.userId, actorRole: "therapist", action: "test.odd" },
    });
    const { userNames } = await listAuditEvents(home.admin, {}, "America/New_York");
    expect(Object.keys(userNames)).not.toContain(away.therapist.userId);
  });

  it("a program cannot name another clinic's template as where it came from", async () => {
    const [home, away] = [await createClinicWithPeople(), await createClinicWithPeople()];
    const awayTemplate = await saveProgramTemplate(away.therapist, {
      name: "Elsewhere",
      items: [itemInput((await createExercise(away.clinic.id)).id)],
    });
    const input = {
      baseVersion: null,
      title: "Home program",
      startDate: todayIn("America/New_York", new Date()),
      templateId: awayTemplate.id,
      items: [itemInput((await createExercise(home.clinic.id)).id)],
    };
    await expect(saveProgram(home.therapist, home.patientA.patient.id, input)).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { templateId: ["This template is not in your clinic's library."] },
    });
    expect(await db.program.count({ where: { patientId: home.patientA.patient.id } })).toBe(0);
  });
});
