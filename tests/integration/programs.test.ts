import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endProgram } from "@/lib/programs/end-program";
import { getPatientProgram } from "@/lib/programs/get-patient-program";
import { getProgramFollowUp } from "@/lib/programs/get-program-follow-up";
import { getProgramHandout } from "@/lib/programs/get-program-handout";
import { logExerciseSessions } from "@/lib/programs/log-exercise-sessions";
import { listProgramTemplates, saveProgramTemplate } from "@/lib/programs/program-templates";
import { saveProgram } from "@/lib/programs/save-program";
import { todayIn } from "@/lib/time/calendar-rules";
import { createClinicWithPeople, createStaffActor, createClinic } from "../factories";
import { createExercise, createExercises, itemInput } from "../factories/exercises";
import { randomUUID } from "node:crypto";

const today = () => todayIn("America/New_York", new Date());

async function setup() {
  const people = await createClinicWithPeople();
  const exercises = await createExercises(people.clinic.id, 3);
  const body = (baseVersion: number | null, items = exercises.slice(0, 2).map((e) => itemInput(e.id))) => ({
    baseVersion,
    title: "Lower back — week 1",
    startDate: today(),
    items,
  });
  return { ...people, exercises, body };
}

describe("assigning and versioning a program", () => {
  it("creates version 1, queues one email naming no exercise, and audits the change", async () => {
    const { therapist, patientA, body, exercises } = await setup();
    const saved = await saveProgram(therapist, patientA.patient.id, body(null));
    expect(saved).toMatchObject({ version: 1, created: true });

    const program = await getPatientProgram(therapist, patientA.patient.id);
    expect(program?.current.items.map((i) => i.exercise.id)).toEqual([exercises[0]!.id, exercises[1]!.id]);
    expect(program?.current.items[0]?.dosageText).toBe("2 sets of 10 reps · once a day, every day");

    const mail = await db.outboxMessage.findMany({ where: { patientId: patientA.patient.id } });
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: "program.assigned", toAddress: patientA.patient.email });
    expect(mail[0]!.textBody).toContain("/portal/exercises");
    for (const e of exercises) expect(mail[0]!.textBody).not.toContain(e.name);
    expect(mail[0]!.textBody).not.toContain("Lower back");

    const audit = await db.auditEvent.findFirst({
      where: { action: "program.create", patientId: patientA.patient.id },
    });
    expect(audit?.actorId).toBe(therapist.userId);
  });

  it("saves an edit as a new version; logs stay with the version they were made against", async () => {
    const { therapist, patientA, body, exercises } = await setup();
    await saveProgram(therapist, patientA.patient.id, body(null));
    const v1 = (await getPatientProgram(patientA.actor, patientA.patient.id))!;
    const [log] = await logExerciseSessions(patientA.actor, {
      logs: [
        {
          clientKey: randomUUID(),
          itemId: v1.current.items[0]!.id,
          completed: true,
          performedAt: new Date().toISOString(),
          painBefore: 4,
          painAfter: 3,
        },
      ],
    });

    const edited = body(1, [
      itemInput(exercises[2]!.id, { kind: "duration", minutes: 15 }),
      itemInput(exercises[0]!.id, { reps: 12 }),
    ]);
    expect(await saveProgram(therapist, patientA.patient.id, { ...edited, changeNote: "Added walking" })).toMatchObject(
      { version: 2 },
    );

    const v2 = (await getPatientProgram(therapist, patientA.patient.id))!;
    expect(v2.currentVersion).toBe(2);
    expect(v2.current.items.map((i) => i.dosageText)).toEqual([
      "15 minutes · once a day, every day",
      "2 sets of 12 reps · once a day, every day",
    ]);
    expect(v2.versions.map((v) => [v.version, v.logCount, v.changeNote])).toEqual([
      [2, 0, "Added walking"],
      [1, 1, null],
    ]);
    const stored = await db.exerciseLog.findUniqueOrThrow({
      where: { id: log!.id },
      include: { version: true, item: true },
    });
    expect(stored.version.version).toBe(1);
    expect(stored.item.reps).toBe(10);
    expect(
      (
        await db.outboxMessage.findMany({ where: { patientId: patientA.patient.id }, orderBy: { createdAt: "asc" } })
      ).map((m) => m.kind),
    ).toEqual(["program.assigned", "program.updated"]);
  });

  it("refuses to change a saved version in the database itself", async () => {
    const { therapist, patientA, body } = await setup();
    const { programId } = await saveProgram(therapist, patientA.patient.id, body(null));
    const version = await db.programVersion.findFirstOrThrow({ where: { programId } });
    await expect(db.programVersion.update({ where: { id: version.id }, data: { title: "changed" } })).rejects.toThrow(
      /immutable/,
    );
    await expect(db.programItem.deleteMany({ where: { versionId: version.id } })).rejects.toThrow(/immutable/);
  });

  it("lets only one of two concurrent edits of the same version win; the other is told who saved what", async () => {
    const { therapist, admin, patientA, body, exercises } = await setup();
    await saveProgram(therapist, patientA.patient.id, body(null));
    const results = await Promise.allSettled([
      saveProgram(therapist, patientA.patient.id, body(1, [itemInput(exercises[0]!.id, { reps: 15 })])),
      saveProgram(admin, patientA.patient.id, body(1, [itemInput(exercises[1]!.id, { reps: 5 })])),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/version 2 was saved by .+ Your changes were not saved/),
    });

    const versions = await db.programVersion.findMany({ where: { program: { patientId: patientA.patient.id } } });
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    // The loser retries from the version it was shown and succeeds.
    expect(await saveProgram(admin, patientA.patient.id, body(2))).toMatchObject({ version: 3 });
  });

  it("refuses a stale save even when it arrives long after the other one", async () => {
    const { therapist, admin, patientA, body } = await setup();
    await saveProgram(therapist, patientA.patient.id, body(null));
    await saveProgram(therapist, patientA.patient.id, body(1));
    await expect(saveProgram(admin, patientA.patient.id, body(1))).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets only one of two concurrent first assignments create a program", async () => {
    const { therapist, admin, patientA, body } = await setup();
    const results = await Promise.allSettled([
      saveProgram(therapist, patientA.patient.id, body(null)),
      saveProgram(admin, patientA.patient.id, body(null)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.program.count({ where: { patientId: patientA.patient.id } })).toBe(1);
  });

  it("ends a program; the patient can then get a new one", async () => {
    const { therapist, patientA, body } = await setup();
    const { programId } = await saveProgram(therapist, patientA.patient.id, body(null));
    await expect(endProgram(therapist, programId, { baseVersion: 2 })).rejects.toMatchObject({ code: "conflict" });
    // A version past the integer column (found by the fuzz test): a field error, not a database overflow.
    await expect(endProgram(therapist, programId, { baseVersion: Number.MAX_SAFE_INTEGER })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { baseVersion: ["Reload the program and try again."] },
    });
    await endProgram(therapist, programId, { baseVersion: 1 });
    expect((await getPatientProgram(therapist, patientA.patient.id))?.status).toBe("ended");
    expect(await saveProgram(therapist, patientA.patient.id, body(null))).toMatchObject({ version: 1, created: true });
  });
});

describe("who may read and change programs", () => {
  it("lets the patient read only their own program, and never change it", async () => {
    const { therapist, patientA, patientB, body } = await setup();
    await saveProgram(therapist, patientA.patient.id, body(null));
    expect((await getPatientProgram(patientA.actor, patientA.patient.id))?.current.title).toBe("Lower back — week 1");
    await expect(getPatientProgram(patientB.actor, patientA.patient.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getProgramHandout(patientB.actor, patientA.patient.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveProgram(patientA.actor, patientA.patient.id, body(1))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getProgramFollowUp(patientA.actor, patientA.patient.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps front desk out of programs entirely, and audits the attempt", async () => {
    const { therapist, frontDesk, patientA, body } = await setup();
    const { programId } = await saveProgram(therapist, patientA.patient.id, body(null));
    await expect(getPatientProgram(frontDesk, patientA.patient.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getProgramHandout(frontDesk, patientA.patient.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getProgramFollowUp(frontDesk, patientA.patient.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveProgram(frontDesk, patientA.patient.id, body(1))).rejects.toMatchObject({ code: "forbidden" });
    await expect(endProgram(frontDesk, programId, { baseVersion: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listProgramTemplates(frontDesk)).rejects.toMatchObject({ code: "forbidden" });
    const denied = await db.auditEvent.count({ where: { actorId: frontDesk.userId, action: "access.denied" } });
    expect(denied).toBeGreaterThanOrEqual(5);
  });

  it("lets admins prescribe too, and answers 404 for another clinic's patient", async () => {
    const { admin, patientA, body } = await setup();
    expect(await saveProgram(admin, patientA.patient.id, body(null))).toMatchObject({ version: 1 });
    const otherClinic = await createClinic();
    const outsider = await createStaffActor(otherClinic.id, "therapist");
    await expect(getPatientProgram(outsider, patientA.patient.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveProgram(outsider, patientA.patient.id, body(1))).rejects.toMatchObject({ code: "not_found" });
    await expect(getPatientProgram(outsider, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("program validation", () => {
  it("answers field errors in plain words and writes nothing", async () => {
    const { therapist, patientA, body, exercises } = await setup();
    const attempt = (patch: Record<string, unknown>) =>
      saveProgram(therapist, patientA.patient.id, { ...body(null), ...patch });

    await expect(attempt({ items: [] })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { items: ["Add at least one exercise."] },
    });
    await expect(attempt({ items: [itemInput(exercises[0]!.id, { reps: "" })] })).rejects.toMatchObject({
      fieldErrors: { "items.0.dosage.reps": ["Enter the number of reps."] },
    });
    await expect(attempt({ items: [itemInput(exercises[0]!.id), itemInput(exercises[0]!.id)] })).rejects.toMatchObject({
      fieldErrors: { "items.1.exerciseId": ["This exercise is already in the program."] },
    });
    await expect(attempt({ startDate: "2026-02-30" })).rejects.toMatchObject({
      fieldErrors: { startDate: ["That start date does not exist."] },
    });
    await expect(attempt({ endDate: "2000-01-01" })).rejects.toMatchObject({
      fieldErrors: { endDate: ["The end date must be on or after the start date."] },
    });
    await expect(attempt({ title: "" })).rejects.toMatchObject({
      fieldErrors: { title: ["Give the program a title."] },
    });
    await expect(attempt({ baseVersion: "one" })).rejects.toMatchObject({ code: "validation" });

    const foreign = await createExercise((await createClinic()).id);
    await expect(attempt({ items: [itemInput(foreign.id)] })).rejects.toMatchObject({
      fieldErrors: { "items.0.exerciseId": ["This exercise is not in your clinic's library."] },
    });
    const archived = await createExercise(patientA.patient.clinicId, { archived: true });
    await expect(attempt({ items: [itemInput(archived.id)] })).rejects.toMatchObject({
      fieldErrors: { "items.0.exerciseId": ["This exercise was archived; choose another one."] },
    });

    expect(await db.program.count({ where: { patientId: patientA.patient.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { patientId: patientA.patient.id } })).toBe(0);
  });
});

describe("templates", () => {
  it("saves a program's exercises as a template and refuses a duplicate name", async () => {
    const { therapist, frontDesk, exercises } = await setup();
    const items = [
      itemInput(exercises[1]!.id, { kind: "hold", sets: 3, holdSeconds: 30 }),
      itemInput(exercises[0]!.id),
    ];
    await saveProgramTemplate(therapist, { name: "Lower back knot — week 1", items });
    const [template] = await listProgramTemplates(therapist);
    expect(template?.name).toBe("Lower back knot — week 1");
    expect(template?.items.map((i) => [i.exercise.id, i.dosageText])).toEqual([
      [exercises[1]!.id, "Hold 30 seconds, 3 times · once a day, every day"],
      [exercises[0]!.id, "2 sets of 10 reps · once a day, every day"],
    ]);
    await expect(saveProgramTemplate(therapist, { name: "Lower back knot — week 1", items })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { name: [expect.stringMatching(/already exists/)] },
    });
    await expect(saveProgramTemplate(frontDesk, { name: "x", items })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("handout", () => {
  it("renders a PDF with several exercises per page and the clinic's details", async () => {
    const { therapist, patientA, clinic } = await createClinicWithPeople();
    const exercises = await createExercises(clinic.id, 5);
    await saveProgram(therapist, patientA.patient.id, {
      baseVersion: null,
      title: "Lower back — week 1",
      startDate: todayIn(clinic.timeZone, new Date()),
      items: exercises.map((e) => itemInput(e.id, { notes: "Go gently — stop if it pinches." })),
    });
    const handout = await getProgramHandout(patientA.actor, patientA.patient.id);
    expect(handout.clinic).toEqual({ name: clinic.name, phone: clinic.phone });
    const { renderHandoutPdf } = await import("@/lib/programs/handout-pdf");
    const pdf = await renderHandoutPdf(handout, new Map());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    // Exercises are kept whole, several to a page: more than one page, fewer pages than exercises.
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThan(5);
    const audit = await db.auditEvent.count({ where: { action: "program.handout", patientId: patientA.patient.id } });
    expect(audit).toBe(1);
  });
});
