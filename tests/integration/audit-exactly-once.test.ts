import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportIntakeFhir } from "@/lib/intake/export-intake-fhir";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { getIntakeForReview } from "@/lib/intake/get-intake-for-review";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { submitIntake } from "@/lib/intake/submit-intake";
import { getPatientProgram } from "@/lib/programs/get-patient-program";
import { getProgramHandout } from "@/lib/programs/get-program-handout";
import { createClinicWithPeople } from "../factories";
import { createExercise, createProgramDirect } from "../factories/exercises";
import { submittedIntakeFor } from "../factories/intake";

/** Audit rows written by one actor after `since` (an AuditEvent id), by action. */
async function actionsSince(actorId: string, since: bigint) {
  const rows = await db.auditEvent.findMany({
    where: { actorId, id: { gt: since } },
    orderBy: { id: "asc" },
    select: { action: true, outcome: true },
  });
  return rows.map((r) => `${r.action}:${r.outcome}`);
}
async function mark(): Promise<bigint> {
  return (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

describe("each read, export and denial is audited exactly once", () => {
  it("a FHIR export is one intake.export_fhir row, not also an intake.read", async () => {
    const { therapist, frontDesk, patientA } = await createClinicWithPeople();
    const { submitted } = await submittedIntakeFor(frontDesk, patientA.patient.id);
    const since = await mark();
    await exportIntakeFhir(therapist, submitted.intakeId);
    expect(await actionsSince(therapist.userId, since)).toEqual(["intake.export_fhir:allowed"]);
    // An ordinary read is still one row of its own.
    const again = await mark();
    await getIntakeForReview(therapist, submitted.intakeId);
    expect(await actionsSince(therapist.userId, again)).toEqual(["intake.read:allowed"]);
  });

  it("a printed handout is one program.handout row, not also a program.read", async () => {
    const { clinic, therapist, patientA } = await createClinicWithPeople();
    const exercise = await createExercise(clinic.id);
    await createProgramDirect(clinic.id, patientA.patient.id, {
      startDate: new Date().toISOString().slice(0, 10) as `${number}-${number}-${number}`,
      items: [{ exerciseId: exercise.id }],
    });
    const since = await mark();
    await getProgramHandout(therapist, patientA.patient.id);
    expect(await actionsSince(therapist.userId, since)).toEqual(["program.handout:allowed"]);
    const again = await mark();
    await getPatientProgram(therapist, patientA.patient.id);
    expect(await actionsSince(therapist.userId, again)).toEqual(["program.read:allowed"]);
  });

  it("a patient reaching for another patient's intake draft is denied once per attempt, audited (it was not)", async () => {
    const { frontDesk, patientA, patientB } = await createClinicWithPeople();
    const sent = await sendIntakeLink(frontDesk, patientB.patient.id, { kind: "initial" });
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ["open", () => getIntakeForFilling(patientA.actor, sent.intakeId)],
      ["save", () => saveIntakeDraft(patientA.actor, sent.intakeId, { answers: {}, baseRevision: 0 })],
      ["submit", () => submitIntake(patientA.actor, sent.intakeId, { submissionKey: randomUUID() })],
      ["not an id", () => getIntakeForFilling(patientA.actor, "not-an-id")],
      ["review, not an id", () => getIntakeForReview(patientA.actor, "not-an-id")],
    ];
    for (const [what, attempt] of attempts) {
      const since = await mark();
      await expect(attempt(), what).rejects.toMatchObject({ code: "not_found" });
      expect(await actionsSince(patientA.actor.userId, since), what).toEqual(["access.denied:denied"]);
    }
    const row = await db.auditEvent.findFirstOrThrow({
      where: { actorId: patientA.actor.userId, recordId: sent.intakeId },
    });
    expect(row).toMatchObject({ recordType: "Intake", outcome: "denied" });
  });
});
