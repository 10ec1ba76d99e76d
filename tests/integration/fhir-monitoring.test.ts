import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportEpisodeFhir, exportOwnFhirRecord } from "@/lib/episodes/export-fhir-record";
import { getMonitoringDays } from "@/lib/episodes/get-monitoring-days";
import { listMonitoringThresholds, saveMonitoringThreshold } from "@/lib/episodes/monitoring-thresholds";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { createClinicWithPeople } from "../factories";
import { createAppointmentType } from "../factories/booking";
import { createEpisode } from "../factories/episodes";
import { createExercise, createLogDirect, createProgramDirect } from "../factories/exercises";
import { submittedIntakeFor } from "../factories/intake";
import { fhirBundleProblems } from "../fhir/validate-bundle";

type Json = Record<string, unknown>;
const types = (bundle: Json) => (bundle.entry as { resource: Json }[]).map((e) => e.resource.resourceType as string);

/** A patient with an episode holding a submitted intake, a program with logs, and a completed visit. */
async function patientInCare() {
  const people = await createClinicWithPeople();
  const { clinic, therapist, frontDesk, patientA } = people;
  const today = todayIn(clinic.timeZone, new Date());
  const start = addDays(today, -40);
  const episode = await createEpisode(clinic.id, patientA.patient.id, therapist.userId, {
    startDate: start,
    reason: "Low back pain after lifting",
    icd10Code: "M54.50",
  });
  const { submitted } = await submittedIntakeFor(frontDesk, patientA.patient.id);
  await db.intake.update({ where: { id: submitted.intakeId }, data: { episodeId: episode.id } });
  const exercise = await createExercise(clinic.id);
  const program = await createProgramDirect(clinic.id, patientA.patient.id, {
    startDate: addDays(start, 2),
    items: [{ exerciseId: exercise.id }],
  });
  await db.program.update({ where: { id: program.id }, data: { episodeId: episode.id } });
  const type = await createAppointmentType(clinic.id, { name: "Follow-up visit" });
  const startsAt = new Date(`${addDays(start, 3)}T15:00:00Z`);
  await db.appointment.create({
    data: {
      clinicId: clinic.id,
      therapistId: therapist.userId,
      patientId: patientA.patient.id,
      appointmentTypeId: type.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      blockedUntil: new Date(startsAt.getTime() + 3_600_000),
      status: "completed",
      completedAt: startsAt,
      bookedById: frontDesk.userId,
      bookedVia: "staff",
      episodeId: episode.id,
    },
  });
  return { ...people, today, start, episode, program, intakeId: submitted.intakeId };
}

describe("FHIR export", () => {
  it("exports an episode for a clinician as a Bundle that validates against R4, audited once", async () => {
    const w = await patientInCare();
    const bundle = await exportEpisodeFhir(w.therapist, w.episode.id);
    expect(fhirBundleProblems(bundle)).toEqual([]);
    const kinds = types(bundle);
    for (const t of ["Patient", "QuestionnaireResponse", "Observation", "CarePlan", "Goal", "Condition", "Appointment"])
      expect(kinds).toContain(t);
    expect(kinds.filter((t) => t === "QuestionnaireResponse")).toHaveLength(4);
    const audits = await db.auditEvent.findMany({
      where: { action: "episode.export_fhir", recordId: w.episode.id },
      select: { patientId: true, actorId: true },
    });
    expect(audits).toEqual([{ patientId: w.patientA.patient.id, actorId: w.therapist.userId }]);
  });

  it("refuses the front desk and patients, and answers 404 to another clinic's therapist", async () => {
    const w = await patientInCare();
    const other = await createClinicWithPeople();
    await expect(exportEpisodeFhir(w.frontDesk, w.episode.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportEpisodeFhir(w.patientA.actor, w.episode.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportEpisodeFhir(other.therapist, w.episode.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportEpisodeFhir(w.therapist, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives a patient their own record only: patient B's export holds nothing of A's", async () => {
    const w = await patientInCare();
    const mine = await exportOwnFhirRecord(w.patientA.actor);
    expect(fhirBundleProblems(mine)).toEqual([]);
    expect(JSON.stringify(mine)).toContain(w.episode.id);
    const theirs = await exportOwnFhirRecord(w.patientB.actor);
    expect(fhirBundleProblems(theirs)).toEqual([]);
    const text = JSON.stringify(theirs);
    for (const secret of [w.patientA.patient.id, w.patientA.patient.lastName, w.episode.id, w.intakeId])
      expect(text).not.toContain(secret);
    expect(types(theirs)).toEqual(["Patient"]);
    await expect(exportOwnFhirRecord(w.therapist)).rejects.toMatchObject({ code: "forbidden" });
    expect(
      await db.auditEvent.count({ where: { action: "patient.export_fhir", patientId: w.patientB.patient.id } }),
    ).toBe(1);
  });
});

describe("remote monitoring days", () => {
  it("counts days with exercise data per 30-day period from the program's first day against the clinic's threshold", async () => {
    const w = await patientInCare();
    const programStart = addDays(w.start, 2);
    // 16 distinct days in period 1 (two logs on its first day), 3 in period 2 so far.
    for (let i = 0; i < 16; i++) await createLogDirect(w.program, 0, addDays(programStart, i));
    await createLogDirect(w.program, 0, programStart);
    for (let i = 30; i < 33; i++) await createLogDirect(w.program, 0, addDays(programStart, i));

    const m = await getMonitoringDays(w.therapist, { patientId: w.patientA.patient.id });
    expect(m.monitoringStart).toBe(programStart);
    const [s] = m.schedules;
    expect(s!.periodDays).toBe(30);
    expect(s!.periods.map((p) => [p.from, p.to, p.daysWithData, p.thresholds[0]!.met, p.inProgress])).toEqual([
      [programStart, addDays(programStart, 29), 16, true, false],
      [addDays(programStart, 30), addDays(programStart, 59), 3, false, true],
    ]);
    // The program started 38 days ago: day 39 of 60, today included, leaves 22.
    expect(s!.periods[1]!.daysLeft).toBe(22);
    const byEpisode = await getMonitoringDays(w.admin, { episodeId: w.episode.id });
    expect(byEpisode.schedules).toEqual(m.schedules);
  });

  it("uses each clinic's own thresholds: an edit in one clinic changes its periods only", async () => {
    const w = await patientInCare();
    const other = await createClinicWithPeople();
    const [own] = await listMonitoringThresholds(w.admin);
    expect(own).toMatchObject({ label: "RTM device supply", minDays: 16, periodDays: 30 });
    await saveMonitoringThreshold(w.admin, { ...own, minDays: 2 });
    const programStart = addDays(w.start, 2);
    await createLogDirect(w.program, 0, programStart);
    await createLogDirect(w.program, 0, addDays(programStart, 1));
    const m = await getMonitoringDays(w.therapist, { episodeId: w.episode.id });
    expect(m.schedules[0]!.periods[0]!.thresholds[0]).toMatchObject({ minDays: 2, met: true });
    expect((await listMonitoringThresholds(other.admin))[0]).toMatchObject({ minDays: 16 });
    // Another clinic's admin cannot edit this clinic's row: it is not theirs to find.
    await expect(saveMonitoringThreshold(other.admin, { ...own, minDays: 5 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses the front desk and patients, and answers 404 across clinics", async () => {
    const w = await patientInCare();
    const other = await createClinicWithPeople();
    await expect(getMonitoringDays(w.frontDesk, { patientId: w.patientA.patient.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getMonitoringDays(w.patientA.actor, { episodeId: w.episode.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getMonitoringDays(other.therapist, { episodeId: w.episode.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getMonitoringDays(other.therapist, { patientId: w.patientA.patient.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("threshold edits need a source and sane numbers, and a label is unique per clinic", async () => {
    const { admin, therapist } = await createClinicWithPeople();
    await expect(
      saveMonitoringThreshold(admin, { label: "Short", minDays: 40, periodDays: 30, source: "" }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { source: expect.any(Array), minDays: expect.any(Array) },
    });
    await expect(
      saveMonitoringThreshold(admin, { label: "x", minDays: 2147483648, periodDays: -1, source: "s" }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { minDays: expect.any(Array), periodDays: expect.any(Array) },
    });
    await expect(
      saveMonitoringThreshold(admin, { label: "RTM device supply", minDays: 2, periodDays: 30, source: "s" }),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { label: expect.any(Array) } });
    await expect(
      saveMonitoringThreshold(therapist, { label: "Mine", minDays: 2, periodDays: 30, source: "s" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const added = await saveMonitoringThreshold(admin, {
      label: "2026 short tier",
      minDays: 2,
      periodDays: 30,
      source: "CMS 2026 PFS (to verify)",
    });
    expect((await listMonitoringThresholds(admin)).map((t) => t.id)).toContain(added.id);
  });
});
