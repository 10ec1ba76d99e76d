import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { patientStartBackRisk } from "@/lib/episodes/patient-start-back-risk";
import { listProgramTemplates, saveProgramTemplate, setTemplateMatchedRisk } from "@/lib/programs/program-templates";
import { createExercise, itemInput } from "../../factories/exercises";
import { createClinic, createPatient, createStaffActor } from "../../factories/index";

describe("STarT Back-matched templates", () => {
  it("marks a template for a group, clears it, refuses an unknown group and another clinic's template", async () => {
    const [home, away] = [await createClinic(), await createClinic()];
    const therapist = await createStaffActor(home.id, "therapist");
    const awayTherapist = await createStaffActor(away.id, "therapist");
    const exercise = await createExercise(home.id);
    const t = await saveProgramTemplate(therapist, { name: "Graded activity", items: [itemInput(exercise.id)] });

    await setTemplateMatchedRisk(therapist, t.id, { matchedRisk: "high" });
    expect((await listProgramTemplates(therapist))[0]).toMatchObject({ id: t.id, matchedRisk: "high" });
    await setTemplateMatchedRisk(therapist, t.id, { matchedRisk: null });
    expect((await listProgramTemplates(therapist))[0]?.matchedRisk).toBeNull();

    await expect(setTemplateMatchedRisk(therapist, t.id, { matchedRisk: "severe" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { matchedRisk: [expect.any(String)] },
    });
    await expect(setTemplateMatchedRisk(awayTherapist, t.id, { matchedRisk: "low" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await db.programTemplate.findUniqueOrThrow({ where: { id: t.id } })).matchedRisk).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "program_template.set_matched_risk", recordId: t.id } })).toBe(
      2,
    );
  });

  it("reads the patient's group from the open episode, else from the latest initial intake", async () => {
    const clinic = await createClinic();
    const therapist = await createStaffActor(clinic.id, "therapist");
    const patient = await createPatient(clinic.id);
    expect(await patientStartBackRisk(clinic.id, patient.id)).toBeNull();
    await db.intake.create({
      data: {
        clinicId: clinic.id,
        patientId: patient.id,
        kind: "initial",
        status: "submitted",
        formVersion: "test",
        submittedAt: new Date("2026-01-02T10:00:00Z"),
        scores: { startBack: { total: 5, subscale: 4, risk: "high" } },
      },
    });
    expect(await patientStartBackRisk(clinic.id, patient.id)).toBe("high");
    await db.episode.create({
      data: {
        clinicId: clinic.id,
        patientId: patient.id,
        reason: "Low back pain",
        visitsPerWeek: 2,
        weeks: 6,
        startDate: new Date("2026-01-05T00:00:00Z"),
        plannedEndDate: new Date("2026-02-16T00:00:00Z"),
        startBackRisk: "medium",
        createdById: therapist.userId,
      },
    });
    expect(await patientStartBackRisk(clinic.id, patient.id)).toBe("medium");
    // Another clinic's lookup of the same patient finds nothing.
    expect(await patientStartBackRisk((await createClinic()).id, patient.id)).toBeNull();
  });
});
