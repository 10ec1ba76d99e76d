import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { updateEpisodeSettings } from "@/lib/episodes/episode-settings";
import { runFollowUpNudgePass } from "@/lib/episodes/follow-up-nudge-pass";
import { listFollowUps } from "@/lib/episodes/list-follow-ups";
import { remindFollowUp } from "@/lib/episodes/remind-follow-up";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { createClinicWithPeople, createPatient } from "../../factories";
import { createAppointmentType, localInstant } from "../../factories/booking";
import { createEpisode } from "../../factories/episodes";

const TZ = "America/New_York";
const NOW = new Date();
const TODAY = todayIn(TZ, NOW);
const DAY = 86_400_000;

async function clinicWithEpisode(o: Parameters<typeof createEpisode>[3] = {}) {
  const people = await createClinicWithPeople();
  const patient = await createPatient(people.clinic.id, { firstName: "Drew" });
  const episode = await createEpisode(people.clinic.id, patient.id, people.therapist.userId, {
    // 20 days in: past the 10 days of "dropped out", short of the 30-day re-evaluation.
    startDate: addDays(TODAY, -20),
    createdAt: new Date(NOW.getTime() - 30 * DAY),
    ...o,
  });
  const type = await createAppointmentType(people.clinic.id, { durationMinutes: 45 });
  /** A visit of the episode on `date` (clinic-local) at `hhmm`. */
  const visit = (date: string, status: "booked" | "completed" = "booked", hhmm = "10:00") => {
    const startsAt = localInstant(date, hhmm, TZ);
    return db.appointment.create({
      data: {
        clinicId: people.clinic.id,
        therapistId: people.therapist.userId,
        patientId: patient.id,
        appointmentTypeId: type.id,
        episodeId: episode.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        blockedUntil: new Date(startsAt.getTime() + 45 * 60_000),
        status,
        bookedById: people.frontDesk.userId,
        bookedVia: "front_desk",
      },
    });
  };
  return { ...people, patient, episode, visit };
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
};
const followUpMessagesOf = (patientId: string) =>
  db.outboxMessage.findMany({
    where: { patientId, kind: "episode.follow_up" },
    select: { channel: true, textBody: true },
  });

describe("listFollowUps", () => {
  it("lists a dropped-out patient to the front desk with schedule facts only, and never to a patient or another clinic", async () => {
    const w = await clinicWithEpisode();
    await w.visit(addDays(TODAY, -12), "completed");
    const list = await listFollowUps(w.frontDesk, { now: NOW });
    const row = list.rows.find((r) => r.episodeId === w.episode.id)!;
    expect(row.findings.map((f) => f.reason)).toEqual(["dropped_out", "under_scheduled"]);
    expect(row.lastVisit).toBe(addDays(TODAY, -12));
    expect(row.nextVisit).toBeNull();
    expect(JSON.stringify(list)).not.toContain("Low back pain");

    expect(await codeOf(listFollowUps(w.patientB.actor))).toBe("forbidden");
    const other = await createClinicWithPeople();
    const theirs = await listFollowUps(other.admin, { now: NOW });
    expect(theirs.rows.map((r) => r.episodeId)).not.toContain(w.episode.id);
  });

  it("drops the row once the plan's visits for the next 2 weeks are booked, and leaves on-hold episodes out", async () => {
    const w = await clinicWithEpisode();
    const listed = async () =>
      (await listFollowUps(w.frontDesk, { now: NOW })).rows.find((r) => r.episodeId === w.episode.id);
    await expect(listed()).resolves.toBeDefined();
    await w.visit(addDays(TODAY, 1));
    await w.visit(addDays(TODAY, 4));
    await w.visit(addDays(TODAY, 8));
    expect((await listed())!.findings.map((f) => f.reason)).toEqual(["under_scheduled"]);
    await w.visit(addDays(TODAY, 11));
    expect(await listed()).toBeUndefined();

    await db.episode.update({ where: { id: w.episode.id }, data: { status: "on_hold" } });
    await db.appointment.deleteMany({ where: { episodeId: w.episode.id } });
    expect(await listed()).toBeUndefined();
  });

  it("flags re-evaluation by the clinic's saved rule", async () => {
    const w = await clinicWithEpisode({ startDate: addDays(TODAY, -7) });
    for (const d of [-6, -4, -1]) await w.visit(addDays(TODAY, d), "completed");
    for (const d of [2, 5, 9, 12]) await w.visit(addDays(TODAY, d));
    const listed = async () =>
      (await listFollowUps(w.admin, { now: NOW })).rows.find((r) => r.episodeId === w.episode.id);
    expect(await listed()).toBeUndefined();
    await updateEpisodeSettings(w.admin, { reevalEveryVisits: 3, reevalEveryDays: 30 });
    expect((await listed())!.findings).toEqual([
      expect.objectContaining({ reason: "reevaluation_due", visitsSince: 3, because: "visits" }),
    ]);
  });
});

describe("remindFollowUp", () => {
  it("queues one message, then refuses a second within 7 days with the dates, and allows it after", async () => {
    const w = await clinicWithEpisode();
    const first = await remindFollowUp(w.frontDesk, { episodeId: w.episode.id }, { now: NOW });
    expect(first.channels).toEqual(["email"]);
    const sent = await followUpMessagesOf(w.patient.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.textBody).toMatch(/book your next visit/i);
    expect(sent[0]!.textBody).not.toContain("Low back pain");

    const again = remindFollowUp(w.therapist, { episodeId: w.episode.id }, { now: new Date(NOW.getTime() + 6 * DAY) });
    await expect(again).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Reminded on .+; next possible .+\.$/),
    });
    expect(await followUpMessagesOf(w.patient.id)).toHaveLength(1);

    await remindFollowUp(w.therapist, { episodeId: w.episode.id }, { now: new Date(NOW.getTime() + 7 * DAY + 1000) });
    expect(await followUpMessagesOf(w.patient.id)).toHaveLength(2);
    const audited = await db.auditEvent.count({ where: { action: "follow_up.remind", recordId: w.episode.id } });
    expect(audited).toBe(2);
  });

  it("texts a patient who chose text and consented, held past quiet hours, with no clinical detail", async () => {
    const w = await clinicWithEpisode();
    await db.patient.update({
      where: { id: w.patient.id },
      data: { phone: "+12075550123", messageChannels: "text", textConsentAt: new Date(NOW.getTime() - DAY) },
    });
    const lateEvening = localInstant(TODAY, "22:30", TZ);
    const reminded = await remindFollowUp(w.frontDesk, { episodeId: w.episode.id }, { now: lateEvening });
    expect(reminded.channels).toEqual(["sms"]);
    const [text] = await db.outboxMessage.findMany({
      where: { patientId: w.patient.id, kind: "episode.follow_up" },
      select: { channel: true, toAddress: true, textBody: true, nextAttemptAt: true },
    });
    expect(text).toMatchObject({ channel: "sms", toAddress: "+12075550123" });
    expect(text!.textBody).toContain("Drew");
    expect(text!.textBody).not.toContain("Low back pain");
    expect(text!.nextAttemptAt).toEqual(localInstant(addDays(TODAY, 1), "08:00", TZ));
  });

  it("two clicks at once send one message", async () => {
    const w = await clinicWithEpisode();
    const results = await Promise.allSettled([
      remindFollowUp(w.frontDesk, { episodeId: w.episode.id }, { now: NOW }),
      remindFollowUp(w.admin, { episodeId: w.episode.id }, { now: NOW }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await followUpMessagesOf(w.patient.id)).toHaveLength(1);
  });

  it("refuses another clinic's episode as not found and a bad id as a field error", async () => {
    const w = await clinicWithEpisode();
    const other = await createClinicWithPeople();
    expect(await codeOf(remindFollowUp(other.frontDesk, { episodeId: w.episode.id }))).toBe("not_found");
    await expect(remindFollowUp(w.frontDesk, { episodeId: "x" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { episodeId: expect.any(Array) },
    });
    expect(await followUpMessagesOf(w.patient.id)).toHaveLength(0);
  });
});

describe("automatic nudges", () => {
  it("two passes at once nudge a dropped-out patient once, and not again within the week", async () => {
    const w = await clinicWithEpisode();
    const [a, b] = await Promise.all([
      runFollowUpNudgePass({ now: NOW, clinicId: w.clinic.id }),
      runFollowUpNudgePass({ now: NOW, clinicId: w.clinic.id }),
    ]);
    expect(a.nudged + b.nudged).toBe(1);
    expect(await followUpMessagesOf(w.patient.id)).toHaveLength(1);
    const later = await runFollowUpNudgePass({ now: new Date(NOW.getTime() + 3 * DAY), clinicId: w.clinic.id });
    expect(later.nudged).toBe(0);
    // The manual Remind shares the weekly limit.
    expect(await codeOf(remindFollowUp(w.frontDesk, { episodeId: w.episode.id }, { now: NOW }))).toBe("conflict");
  });

  it("leaves episodes on track, just opened, or only due a re-evaluation alone", async () => {
    const fresh = await clinicWithEpisode({ createdAt: NOW });
    expect((await runFollowUpNudgePass({ now: NOW, clinicId: fresh.clinic.id })).nudged).toBe(0);

    // Booked as planned, but 8 days since the start against a 7-day re-evaluation rule.
    const dueOnly = await clinicWithEpisode({ startDate: addDays(TODAY, -8) });
    for (const d of [-7, -3]) await dueOnly.visit(addDays(TODAY, d), "completed");
    for (const d of [1, 4, 8, 11]) await dueOnly.visit(addDays(TODAY, d));
    await updateEpisodeSettings(dueOnly.admin, { reevalEveryVisits: 10, reevalEveryDays: 7 });
    const [row] = (await listFollowUps(dueOnly.admin, { now: NOW })).rows;
    expect(row!.findings.map((f) => f.reason)).toEqual(["reevaluation_due"]);
    expect((await runFollowUpNudgePass({ now: NOW, clinicId: dueOnly.clinic.id })).nudged).toBe(0);
    expect(await followUpMessagesOf(dueOnly.patient.id)).toHaveLength(0);
  });
});

describe("updateEpisodeSettings", () => {
  it("refuses out-of-range values with field errors and saves nothing", async () => {
    const w = await createClinicWithPeople();
    await expect(
      updateEpisodeSettings(w.admin, { reevalEveryVisits: 0, reevalEveryDays: 2147483648 }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { reevalEveryVisits: expect.any(Array), reevalEveryDays: expect.any(Array) },
    });
    expect(await db.episodeSettings.count({ where: { clinicId: w.clinic.id } })).toBe(0);
    await updateEpisodeSettings(w.admin, { reevalEveryVisits: "12", reevalEveryDays: "45" });
    expect(await db.episodeSettings.findUnique({ where: { clinicId: w.clinic.id } })).toMatchObject({
      reevalEveryVisits: 12,
      reevalEveryDays: 45,
    });
  });
});
