import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getExerciseHistory } from "@/lib/programs/get-exercise-history";
import { getProgramFollowUp } from "@/lib/programs/get-program-follow-up";
import { getToday } from "@/lib/programs/get-today";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";
import { logExerciseSessions } from "@/lib/programs/log-exercise-sessions";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { saveProgram } from "@/lib/programs/save-program";
import { createClinic, createClinicWithPeople, createPatientActor, createStaffActor } from "../factories";
import { createExercises, createLogDirect, createProgramDirect, itemInput } from "../factories/exercises";

async function withProgram() {
  const people = await createClinicWithPeople();
  const exercises = await createExercises(people.clinic.id, 2);
  const today = todayIn(people.clinic.timeZone, new Date());
  await saveProgram(people.therapist, people.patientA.patient.id, {
    baseVersion: null,
    title: "Home program",
    startDate: today,
    items: [
      itemInput(exercises[0]!.id, { timesPerDay: 2 }),
      itemInput(exercises[1]!.id, { kind: "hold", sets: 3, holdSeconds: 30 }),
    ],
  });
  const view = await getToday(people.patientA.actor);
  return { ...people, exercises, today, view };
}

const logBody = (itemId: string, patch: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  itemId,
  completed: true,
  performedAt: new Date().toISOString(),
  setsDone: 2,
  repsDone: 10,
  painBefore: 3,
  painAfter: 3,
  difficulty: "about_right",
  ...patch,
});

describe("patient logging", () => {
  it("shows today's exercises with dosage and steps, and counts a logged session", async () => {
    const { patientA, view } = await withProgram();
    expect(view.state).toBe("active");
    expect(view.items.map((i) => [i.status, i.remainingToday, i.holdSeconds])).toEqual([
      ["due", 2, null],
      ["due", 1, 30],
    ]);
    expect(view.items[0]!.exercise.steps.length).toBeGreaterThan(0);
    expect(view.items[1]!.dosageText).toBe("Hold 30 seconds, 3 times · once a day, every day");

    await logExerciseSessions(patientA.actor, { logs: [logBody(view.items[1]!.itemId)] });
    const after = await getToday(patientA.actor);
    expect(after.items.map((i) => i.status)).toEqual(["due", "done_today"]);
    expect(after.streak).toBe(1);
    expect(after.painBeforeToday).toBe(3);
  });

  it("stores a replayed log once: same key, same row, reported as a duplicate", async () => {
    const { patientA, view } = await withProgram();
    const log = logBody(view.items[0]!.itemId);
    const [first] = await logExerciseSessions(patientA.actor, { logs: [log] });
    const [again] = await logExerciseSessions(patientA.actor, { logs: [log] });
    const [third] = await logExerciseSessions(patientA.actor, { logs: [{ ...log, painAfter: 9 }] });
    expect(first).toMatchObject({ status: "created" });
    expect(again).toEqual({ ...first, status: "duplicate" });
    expect(third).toEqual({ ...first, status: "duplicate" });
    const rows = await db.exerciseLog.findMany({ where: { patientId: patientA.patient.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.painAfter).toBe(3);
  });

  it("stores concurrent replays of the same queue exactly once", async () => {
    const { patientA, view } = await withProgram();
    const queue = [logBody(view.items[0]!.itemId), logBody(view.items[0]!.itemId), logBody(view.items[1]!.itemId)];
    await Promise.all([1, 2, 3, 4].map(() => logExerciseSessions(patientA.actor, { logs: queue })));
    expect(await db.exerciseLog.count({ where: { patientId: patientA.patient.id } })).toBe(3);
  });

  it("refuses a whole batch with field errors when one log is wrong, and stores none of it", async () => {
    const { patientA, patientB, view, therapist } = await withProgram();
    const future = new Date(Date.now() + 60 * 60_000).toISOString();
    await expect(
      logExerciseSessions(patientA.actor, {
        logs: [logBody(view.items[0]!.itemId), logBody(view.items[0]!.itemId, { performedAt: future })],
      }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "logs.1.performedAt": [expect.stringMatching(/future/)] },
    });
    await expect(
      logExerciseSessions(patientA.actor, { logs: [logBody(view.items[0]!.itemId, { painAfter: 11 })] }),
    ).rejects.toMatchObject({
      fieldErrors: { "logs.0.painAfter": ["Rate your pain after from 0 to 10."] },
    });
    await expect(
      logExerciseSessions(patientA.actor, { logs: [logBody(view.items[0]!.itemId, { clientKey: "abc" })] }),
    ).rejects.toMatchObject({
      code: "validation",
    });
    await expect(logExerciseSessions(patientA.actor, { logs: "nope" })).rejects.toMatchObject({ code: "validation" });
    // Another patient cannot log against A's program, and staff cannot log for a patient.
    await expect(logExerciseSessions(patientB.actor, { logs: [logBody(view.items[0]!.itemId)] })).rejects.toMatchObject(
      {
        fieldErrors: { "logs.0.itemId": ["This exercise is not in your program."] },
      },
    );
    await expect(logExerciseSessions(therapist, { logs: [logBody(view.items[0]!.itemId)] })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(
      await db.exerciseLog.count({
        where: { programId: { not: undefined }, patientId: { in: [patientA.patient.id, patientB.patient.id] } },
      }),
    ).toBe(0);
  });

  it("files an early-morning log under the clinic's day, not UTC's", async () => {
    const clinic = await createClinic({ timeZone: "Pacific/Auckland" });
    const therapist = await createStaffActor(clinic.id, "therapist");
    const { actor, patient } = await createPatientActor(clinic.id);
    const [exercise] = await createExercises(clinic.id, 1);
    const now = new Date();
    const today = todayIn("Pacific/Auckland", now);
    await saveProgram(therapist, patient.id, {
      baseVersion: null,
      title: "P",
      startDate: addDays(today, -1),
      items: [itemInput(exercise!.id)],
    });
    const view = await getToday(actor);
    // 7:30 in the morning yesterday, Auckland time (+12/+13): still the day before in UTC.
    const yesterday = addDays(today, -1);
    const earlyMorning = new Date(`${yesterday}T07:30:00${auckland(yesterday)}`);
    await logExerciseSessions(actor, {
      logs: [logBody(view.items[0]!.itemId, { performedAt: earlyMorning.toISOString() })],
    });
    const row = await db.exerciseLog.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(localDateOfDateColumn(row.localDate)).toBe(yesterday);
    expect(earlyMorning.toISOString().slice(0, 10)).toBe(addDays(yesterday, -1)); // what UTC would have said
  });
});

/** Auckland's UTC offset on a day (+13:00 in summer, +12:00 in winter). */
function auckland(day: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: "Pacific/Auckland", timeZoneName: "longOffset" })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === "timeZoneName")!.value;
  return part.replace("GMT", "");
}

describe("adherence for the therapist", () => {
  it("rises in the current week when the patient logs a session", async () => {
    const { therapist, patientA, view } = await withProgram();
    const before = await getProgramFollowUp(therapist, patientA.patient.id);
    const week = () => before.insights!.weeks.at(-1)!;
    expect(week().done).toBe(0);
    await logExerciseSessions(patientA.actor, { logs: [logBody(view.items[0]!.itemId)] });
    const after = await getProgramFollowUp(therapist, patientA.patient.id);
    expect(after.insights!.weeks.at(-1)!.done).toBe(1);
    expect(after.insights!.weeks.at(-1)!.prescribed).toBe(week().prescribed);
    expect(after.insights!.lastActivity).toBe(view.today);
  });

  it("flags an exercise after which pain rose by 2 or more", async () => {
    const { therapist, patientA, view, exercises } = await withProgram();
    await logExerciseSessions(patientA.actor, {
      logs: [
        logBody(view.items[0]!.itemId, { painBefore: 3, painAfter: 5 }),
        logBody(view.items[1]!.itemId, { painBefore: 3, painAfter: 4 }),
      ],
    });
    const { insights } = await getProgramFollowUp(therapist, patientA.patient.id);
    expect(insights!.painFlags.map((f) => [f.exerciseName, f.flagged, f.largestRise])).toEqual([
      [exercises[0]!.name, 1, 2],
    ]);
  });

  it("lists patients below 50% over the last two full weeks, and only those", async () => {
    const { clinic, therapist, frontDesk, patientA, patientB } = await createClinicWithPeople();
    const [e1] = await createExercises(clinic.id, 1);
    const today = todayIn(clinic.timeZone, new Date());
    const start = addDays(today, -20);
    const lagging = await createProgramDirect(clinic.id, patientA.patient.id, {
      startDate: start,
      items: [{ exerciseId: e1!.id }],
    });
    const keen = await createProgramDirect(clinic.id, patientB.patient.id, {
      startDate: start,
      items: [{ exerciseId: e1!.id }],
    });
    for (let d = 1; d <= 14; d++) {
      await createLogDirect(keen, 0, addDays(today, -d));
      if (d % 3 === 0) await createLogDirect(lagging, 0, addDays(today, -d)); // 4 of 14
    }
    const { rows, from, to } = await listLowAdherence(therapist);
    expect([from, to]).toEqual([addDays(today, -14), addDays(today, -1)]);
    expect(rows.map((r) => [r.patientId, r.done, r.prescribed])).toEqual([[patientA.patient.id, 4, 14]]);
    expect(rows[0]!.lastActivity).toBe(addDays(today, -3));
    await expect(listLowAdherence(frontDesk)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listLowAdherence(patientA.actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives the patient their own history and streak, never another's", async () => {
    const { clinic, patientA, patientB } = await createClinicWithPeople();
    const [e1] = await createExercises(clinic.id, 1);
    const today = todayIn(clinic.timeZone, new Date());
    const program = await createProgramDirect(clinic.id, patientA.patient.id, {
      startDate: addDays(today, -10),
      items: [{ exerciseId: e1!.id }],
    });
    for (const d of [1, 2, 3])
      await createLogDirect(program, 0, addDays(today, -d), { painBefore: 5 - d, painAfter: 5 - d });
    const history = await getExerciseHistory(patientA.actor, patientA.patient.id);
    expect(history.insights?.streak).toBe(3);
    expect(history.insights?.pain.map((p) => p.before)).toEqual([2, 3, 4]);
    await expect(getExerciseHistory(patientB.actor, patientA.patient.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
