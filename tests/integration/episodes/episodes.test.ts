import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addAuthorization, removeAuthorization, updateAuthorization } from "@/lib/episodes/authorizations";
import { changeEpisodeStatus } from "@/lib/episodes/change-episode-status";
import { getEpisode, listPatientEpisodes } from "@/lib/episodes/get-episode";
import { openEpisode } from "@/lib/episodes/open-episode";
import { updateEpisodePlan } from "@/lib/episodes/update-episode-plan";
import { isAppError, type AppError } from "@/lib/errors";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { createClinicWithPeople, createPatient } from "../../factories";
import { createAppointmentType, localInstant } from "../../factories/booking";
import { completeInitialAnswers, submittedIntakeFor } from "../../factories/intake";

type People = Awaited<ReturnType<typeof createClinicWithPeople>>;
const ZONE = "America/New_York";
let home: People;
let away: People;
let typeId: string;
const today = () => todayIn(ZONE, new Date());

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

const plan = (patientId: string, extra: Record<string, unknown> = {}) => ({
  patientId,
  reason: "Low back pain with spread to the left hip",
  icd10Code: "m54.50",
  visitsPerWeek: 2,
  weeks: 6,
  startDate: today(),
  ...extra,
});

async function visit(patientId: string, startsAt: Date, status: "booked" | "checked_in" | "completed" | "cancelled") {
  return db.appointment.create({
    data: {
      clinicId: home.clinic.id,
      therapistId: home.therapist.userId,
      patientId,
      appointmentTypeId: typeId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      blockedUntil: new Date(startsAt.getTime() + 45 * 60_000),
      bookedById: home.frontDesk.userId,
      bookedVia: "staff",
      status,
      ...(status === "cancelled" ? { cancelledAt: new Date(), cancelReason: "test" } : {}),
    },
    select: { id: true, episodeId: true },
  });
}

beforeAll(async () => {
  [home, away] = [await createClinicWithPeople(), await createClinicWithPeople()];
  await db.clinic.updateMany({ where: { id: { in: [home.clinic.id, away.clinic.id] } }, data: { timeZone: ZONE } });
  typeId = (await createAppointmentType(home.clinic.id)).id;
}, 60_000);

describe("opening an episode", () => {
  it("from a submitted intake: PSFS activities as goals, STarT Back group kept, the patient's records joined", async () => {
    const patient = await createPatient(home.clinic.id);
    const answers = completeInitialAnswers();
    const { submitted } = await submittedIntakeFor(home.frontDesk, patient.id, answers);
    const earlier = await visit(patient.id, localInstant(addDays(today(), -10), "09:00"), "completed");
    const later = await visit(patient.id, localInstant(addDays(today(), 1), "09:00"), "booked");
    const cancelled = await visit(patient.id, localInstant(addDays(today(), 2), "09:00"), "cancelled");

    const opened = await openEpisode(home.therapist, { ...plan(patient.id), intakeId: submitted.intakeId });
    const row = await db.episode.findUniqueOrThrow({ where: { id: opened.id } });
    const activities = (answers.psfs as { activities: { activity: string }[] }).activities.map((a) => a.activity);
    expect(row.goals).toEqual(activities.filter(Boolean));
    expect(row.goals.length).toBeGreaterThan(0);
    expect(row.icd10Code).toBe("M54.50");
    expect(row.openedFromIntakeId).toBe(submitted.intakeId);
    const intake = await db.intake.findUniqueOrThrow({ where: { id: submitted.intakeId } });
    expect(row.startBackRisk).toBe((intake.scores as { startBack: { risk: string } }).startBack.risk);
    expect(row.plannedEndDate.toISOString().slice(0, 10)).toBe(addDays(today(), 42));
    expect(intake.episodeId).toBe(opened.id);
    const byId = async (id: string) => (await db.appointment.findUniqueOrThrow({ where: { id } })).episodeId;
    expect(await byId(later.id)).toBe(opened.id);
    expect(await byId(earlier.id)).toBeNull(); // before the start
    expect(await byId(cancelled.id)).toBeNull();

    // A follow-up intake sent later joins the open episode in the same insert.
    const followUp = await sendIntakeLink(home.frontDesk, patient.id, { kind: "follow_up" });
    expect((await db.intake.findUniqueOrThrow({ where: { id: followUp.intakeId } })).episodeId).toBe(opened.id);
  });

  it("refuses a second open episode with a clear 409, and of two at once exactly one opens", async () => {
    const patient = await createPatient(home.clinic.id);
    const results = await Promise.allSettled([
      openEpisode(home.therapist, plan(patient.id)),
      openEpisode(home.admin, plan(patient.id)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already has an open episode/),
    });
    const again = await refusal(openEpisode(home.therapist, plan(patient.id)));
    expect(again.code).toBe("conflict");
    expect(await db.episode.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it("gives field errors for bad input and writes nothing", async () => {
    const patient = await createPatient(home.clinic.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ plannedEndDate: addDays(today(), -1) }, "plannedEndDate"],
      [{ visitsPerWeek: 0 }, "visitsPerWeek"],
      [{ weeks: -2 }, "weeks"],
      [{ icd10Code: "back pain" }, "icd10Code"],
      [{ reason: "" }, "reason"],
      [{ goals: Array(6).fill("Walk") }, "goals"],
    ];
    for (const [extra, field] of cases) {
      const e = await refusal(openEpisode(home.therapist, plan(patient.id, extra)));
      expect(e.code, field).toBe("validation");
      expect(Object.keys(e.fieldErrors ?? {}), field).toContain(field);
    }
    expect(await db.episode.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("is a clinician's decision, for their own clinic's patients", async () => {
    const patient = await createPatient(home.clinic.id);
    expect((await refusal(openEpisode(home.frontDesk, plan(patient.id)))).code).toBe("forbidden");
    expect((await refusal(openEpisode(home.patientA.actor, plan(patient.id)))).code).toBe("forbidden");
    expect((await refusal(openEpisode(away.therapist, plan(patient.id)))).code).toBe("not_found");
    expect(await db.episode.count({ where: { patientId: patient.id } })).toBe(0);
  });
});

describe("an open episode", () => {
  let patientId: string;
  let episodeId: string;
  beforeAll(async () => {
    patientId = (await createPatient(home.clinic.id)).id;
    episodeId = (await openEpisode(home.therapist, plan(patientId))).id;
  });

  it("shows the front desk schedule facts only, and nobody outside the clinic anything", async () => {
    const desk = await getEpisode(home.frontDesk, episodeId);
    expect(desk.clinical).toBeNull();
    expect(JSON.stringify(desk)).not.toContain("left hip");
    expect((await getEpisode(home.therapist, episodeId)).clinical?.reason).toMatch(/left hip/);
    expect((await refusal(getEpisode(away.therapist, episodeId))).code).toBe("not_found");
    expect((await refusal(getEpisode(away.admin, episodeId))).code).toBe("not_found");
    expect((await refusal(getEpisode(home.patientA.actor, episodeId))).code).toBe("forbidden");
    expect((await refusal(listPatientEpisodes(away.therapist, patientId))).code).toBe("not_found");
    const audits = await db.auditEvent.count({ where: { action: "episode.read", recordId: episodeId } });
    expect(audits).toBeGreaterThanOrEqual(2);
  });

  it("counts completed and checked-in visits against the authorisation the front desk records", async () => {
    const bad = await refusal(
      addAuthorization(home.frontDesk, episodeId, {
        payerName: "Blue Harbor Health",
        visitsAuthorized: 3,
        validFrom: today(),
        validUntil: addDays(today(), -1),
      }),
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["validUntil"]);
    expect(await db.payerAuthorization.count({ where: { episodeId } })).toBe(0);

    const auth = await addAuthorization(home.frontDesk, episodeId, {
      payerName: "Blue Harbor Health",
      visitsAuthorized: 3,
      validFrom: today(),
      validUntil: addDays(today(), 30),
    });
    const at = (days: number) => localInstant(addDays(today(), days), "10:00");
    const done = await visit(patientId, at(1), "completed");
    const here = await visit(patientId, at(2), "checked_in");
    const booked = await visit(patientId, at(3), "booked");
    const beyond = await visit(patientId, at(4), "booked");
    await db.appointment.updateMany({
      where: { id: { in: [done.id, here.id, booked.id, beyond.id] } },
      data: { episodeId },
    });
    const view = await getEpisode(home.frontDesk, episodeId);
    expect(view.visitsCounted).toBe(2);
    expect(view.current).toMatchObject({ id: auth.id, used: 2, planned: 1, remaining: 0, visitsAuthorized: 3 });
    expect(view.beyondAuthorization).toBe(1);
    expect(view.visits.find((v) => v.id === beyond.id)?.beyondAuthorization).toBe(true);

    await updateAuthorization(home.frontDesk, episodeId, auth.id, {
      payerName: "Blue Harbor Health",
      visitsAuthorized: 12,
      validFrom: today(),
      validUntil: addDays(today(), 30),
    });
    expect((await getEpisode(home.frontDesk, episodeId)).beyondAuthorization).toBe(0);
  });

  it("refuses a plan edit based on an older version", async () => {
    const { version } = await getEpisode(home.therapist, episodeId);
    const edit = { ...plan(patientId), goals: ["Sleep through the night"], expectedVersion: version };
    const saved = await updateEpisodePlan(home.therapist, episodeId, edit);
    expect(saved.version).toBe(version + 1);
    expect((await refusal(updateEpisodePlan(home.therapist, episodeId, edit))).code).toBe("conflict");
    expect((await refusal(updateEpisodePlan(home.frontDesk, episodeId, edit))).code).toBe("forbidden");
  });

  it("holds, resumes and records a re-evaluation", async () => {
    expect((await changeEpisodeStatus(home.therapist, episodeId, { action: "hold" })).status).toBe("on_hold");
    expect((await refusal(changeEpisodeStatus(home.therapist, episodeId, { action: "hold" }))).code).toBe("conflict");
    expect((await changeEpisodeStatus(home.therapist, episodeId, { action: "resume" })).status).toBe("active");
    await changeEpisodeStatus(home.therapist, episodeId, { action: "reevaluated" });
    const view = await getEpisode(home.therapist, episodeId);
    expect(view.lastReevaluatedOn).toBe(today());
    expect(view.reevaluation.due).toBe(false);
    const future = await refusal(
      changeEpisodeStatus(home.therapist, episodeId, { action: "reevaluated", date: addDays(today(), 1) }),
    );
    expect(Object.keys(future.fieldErrors ?? {})).toEqual(["date"]);
  });
});

describe("discharge", () => {
  const discharge = (actor: Actor, episodeId: string) =>
    changeEpisodeStatus(actor, episodeId, {
      action: "discharge",
      reason: "goals_met",
      note: "Back to work",
      date: today(),
    });

  it("happens once: of two at once one wins, and the episode is never edited again", async () => {
    const patientId = (await createPatient(home.clinic.id)).id;
    const { id: episodeId } = await openEpisode(home.therapist, plan(patientId));
    const auth = await addAuthorization(home.frontDesk, episodeId, {
      payerName: "Blue Harbor Health",
      visitsAuthorized: 6,
      validFrom: today(),
      validUntil: addDays(today(), 30),
    });
    const results = await Promise.allSettled([discharge(home.therapist, episodeId), discharge(home.admin, episodeId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as AppError;
    expect(lost.code).toBe("conflict");
    expect(lost.message).toMatch(/^This episode was discharged on \d{1,2} \w{3} \d{4}; open a new one\.$/);

    const twice = await refusal(discharge(home.therapist, episodeId));
    expect(twice.code).toBe("conflict");
    expect(twice.message).toMatch(/discharged on/);
    const { version } = await db.episode.findUniqueOrThrow({ where: { id: episodeId } });
    const edit = await refusal(
      updateEpisodePlan(home.therapist, episodeId, { ...plan(patientId), goals: [], expectedVersion: version }),
    );
    expect(edit.code).toBe("conflict");
    expect(edit.message).toMatch(/open a new one/);
    expect((await refusal(removeAuthorization(home.frontDesk, episodeId, auth.id))).code).toBe("conflict");
    expect((await refusal(changeEpisodeStatus(home.therapist, episodeId, { action: "resume" }))).code).toBe("conflict");
    const row = await db.episode.findUniqueOrThrow({ where: { id: episodeId } });
    expect(row).toMatchObject({ status: "discharged", dischargeReason: "goals_met", dischargeNote: "Back to work" });
    expect(await db.auditEvent.count({ where: { action: "episode.discharge", recordId: episodeId } })).toBe(1);

    // A new episode may open now.
    await expect(openEpisode(home.therapist, plan(patientId))).resolves.toMatchObject({ patientId });
  });

  it("needs a reason and a day not in the future", async () => {
    const patientId = (await createPatient(home.clinic.id)).id;
    const { id: episodeId } = await openEpisode(home.therapist, plan(patientId));
    const e = await refusal(
      changeEpisodeStatus(home.therapist, episodeId, {
        action: "discharge",
        reason: "goals_met",
        date: addDays(today(), 3),
      }),
    );
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["date"]);
    const noReason = await refusal(
      changeEpisodeStatus(home.therapist, episodeId, { action: "discharge", date: today() }),
    );
    expect(Object.keys(noReason.fieldErrors ?? {})).toEqual(["reason"]);
    expect((await db.episode.findUniqueOrThrow({ where: { id: episodeId } })).status).toBe("active");
  });
});
