import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { PATIENT_BEYOND_AUTHORIZATION_MESSAGE } from "@/lib/booking/episode-authorization";
import { listCalendar } from "@/lib/booking/list-calendar";
import { db } from "@/lib/db";
import { getEpisodeStanding } from "@/lib/episodes/get-episode-standing";
import { apiRoute } from "@/lib/http/respond";
import { addDays } from "@/lib/time/calendar-rules";
import { formatDayMonthYear } from "@/lib/time/format";
import { recordFreedTime } from "@/lib/waitlist/freed-times";
import { runOfferPass } from "@/lib/waitlist/offer-pass";
import { acceptWaitlistOffer } from "@/lib/waitlist/respond-to-offer";
import { createClinicWithPeople, createPatient, createUser, actorFor } from "../../factories";
import {
  asRoute,
  createAppointmentType,
  futureMonday,
  giveWeekdayHours,
  jsonRequest,
  localInstant,
  params,
} from "../../factories/booking";
import { createOpenEpisode } from "../../factories/episode-booking";
import { createWaitingEntry, offerTokensFor } from "../../factories/waitlist-offers";

let frontDesk: Actor;
let admin: Actor;
let clinicId: string;
let therapistId: string;
let secondTherapistId: string;
let typeId: string;
const MONDAY = futureMonday(undefined, 2);

const book = (actor: Actor) => asRoute((req: Request) => bookingHandlers.book(actor, req));
const series = (actor: Actor) => asRoute((req: Request) => bookingHandlers.bookSeries(actor, req));

async function bookAt(actor: Actor, patientId: string | undefined, date: string, time: string, extra = {}) {
  const res = await book(actor)(
    jsonRequest(
      "POST",
      {
        appointmentTypeId: typeId,
        therapistId,
        ...(patientId && { patientId }),
        startsAt: localInstant(date, time).toISOString(),
        ...extra,
      },
      { "idempotency-key": randomUUID() },
    ),
  );
  return { status: res.status, body: await res.json() };
}

async function moveTo(actor: Actor, appointmentId: string, version: number, date: string, time: string, extra = {}) {
  const handler = apiRoute((req: Request) => bookingHandlers.move(actor, req, params(appointmentId)));
  const res = await handler(
    jsonRequest("PATCH", { expectedVersion: version, startsAt: localInstant(date, time).toISOString(), ...extra }),
    undefined,
  );
  return { status: res.status, body: await res.json() };
}

async function patientWithEpisode(auths: Parameters<typeof createOpenEpisode>[1]) {
  const patient = await createPatient(clinicId);
  const episode = await createOpenEpisode({ clinicId, patientId: patient.id, createdById: admin.userId }, auths);
  return { patientId: patient.id, episodeId: episode.id };
}

beforeAll(async () => {
  const people = await createClinicWithPeople();
  frontDesk = people.frontDesk;
  admin = people.admin;
  clinicId = people.clinic.id;
  therapistId = people.therapist.userId;
  secondTherapistId = (await createUser(clinicId, "therapist")).id;
  await giveWeekdayHours(clinicId, therapistId);
  await giveWeekdayHours(clinicId, secondTherapistId);
  typeId = (await createAppointmentType(clinicId, { durationMinutes: 45, bufferAfterMinutes: 15 })).id;
});

describe("new visits join the patient's open episode", () => {
  it("staff booking: the visit carries the open episode, and no reason while within the authorisation", async () => {
    const { patientId, episodeId } = await patientWithEpisode([{ visitsAuthorized: 12 }]);
    const r = await bookAt(frontDesk, patientId, MONDAY, "09:00");
    expect(r.status).toBe(201);
    const row = await db.appointment.findUniqueOrThrow({ where: { id: r.body.appointment.id } });
    expect(row.episodeId).toBe(episodeId);
    expect(row.overAuthorizationReason).toBeNull();
  });

  it("a patient without an open episode (only a discharged one) books a visit in no episode", async () => {
    const patient = await createPatient(clinicId);
    await createOpenEpisode({ clinicId, patientId: patient.id, createdById: admin.userId }, [], {
      status: "on_hold",
    }).then((e) =>
      db.episode.update({
        where: { id: e.id },
        data: {
          status: "discharged",
          dischargedOn: e.startDate,
          dischargedAt: new Date(),
          dischargeReason: "goals_met",
        },
      }),
    );
    const r = await bookAt(frontDesk, patient.id, MONDAY, "10:00");
    expect(r.status).toBe(201);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: r.body.appointment.id } })).episodeId).toBeNull();
  });

  it("an on-hold episode is open: the visit joins it", async () => {
    const patient = await createPatient(clinicId);
    const episode = await createOpenEpisode({ clinicId, patientId: patient.id, createdById: admin.userId }, [], {
      status: "on_hold",
    });
    const r = await bookAt(frontDesk, patient.id, MONDAY, "11:00");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: r.body.appointment.id } })).episodeId).toBe(
      episode.id,
    );
  });

  it("patient online booking joins their own episode", async () => {
    const user = await createUser(clinicId, "patient");
    const patient = await createPatient(clinicId, { userId: user.id });
    const episode = await createOpenEpisode({ clinicId, patientId: patient.id, createdById: admin.userId }, [
      { visitsAuthorized: 5 },
    ]);
    const me = await actorFor(user, patient.id);
    const r = await bookAt(me, undefined, addDays(MONDAY, 1), "09:00");
    expect(r.status).toBe(201);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: r.body.appointment.id } })).episodeId).toBe(
      episode.id,
    );
  });

  it("series: every occurrence joins the episode; count stops it at the remaining visits", async () => {
    const { patientId, episodeId } = await patientWithEpisode([{ visitsAuthorized: 12 }]);
    const res = await series(frontDesk)(
      jsonRequest(
        "POST",
        {
          appointmentTypeId: typeId,
          therapistId: secondTherapistId,
          patientId,
          firstDate: MONDAY,
          weekdays: [1, 4],
          time: "13:00",
          weeks: 6,
          count: 5,
        },
        { "idempotency-key": randomUUID() },
      ),
    );
    expect(res.status).toBe(201);
    const rows = await db.appointment.findMany({ where: { patientId } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.episodeId === episodeId && r.overAuthorizationReason === null)).toBe(true);
  });

  it("a move keeps the visit's episode", async () => {
    const { patientId, episodeId } = await patientWithEpisode([{ visitsAuthorized: 12 }]);
    const r = await bookAt(frontDesk, patientId, addDays(MONDAY, 2), "09:00");
    const m = await moveTo(frontDesk, r.body.appointment.id, r.body.appointment.version, addDays(MONDAY, 2), "15:00");
    expect(m.status).toBe(200);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: r.body.appointment.id } })).episodeId).toBe(
      episodeId,
    );
  });

  it("waitlist offer accepted: the visit joins the episode", async () => {
    const w = await offeredToPatientInEpisode([{ visitsAuthorized: 3 }]);
    const answer = await acceptWaitlistOffer(w.token, { ip: null, userAgent: "vitest" }, w.now);
    expect(answer.state).toBe("accepted");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: answer.appointmentId! } })).episodeId).toBe(
      w.episodeId,
    );
  });

  it("waitlist offer past the authorisation's end: the patient is told to call, nothing is booked", async () => {
    const w = await offeredToPatientInEpisode([{ visitsAuthorized: 3, validUntil: addDays(futureMonday(), -7) }]);
    await expect(acceptWaitlistOffer(w.token, { ip: null, userAgent: "vitest" }, w.now)).rejects.toMatchObject({
      code: "conflict",
      message: PATIENT_BEYOND_AUTHORIZATION_MESSAGE,
    });
    expect(await db.appointment.count({ where: { patientId: w.patientId } })).toBe(0);
  });
});

/** A freed Monday offered to one waiting patient who is in an episode with these authorisations. */
async function offeredToPatientInEpisode(auths: Parameters<typeof createOpenEpisode>[1]) {
  const own = await createClinicWithPeople();
  const t = own.therapist.userId;
  await giveWeekdayHours(own.clinic.id, t);
  const type = await createAppointmentType(own.clinic.id, { durationMinutes: 45, bufferAfterMinutes: 15 });
  const patient = await createPatient(own.clinic.id);
  const episode = await createOpenEpisode(
    { clinicId: own.clinic.id, patientId: patient.id, createdById: own.admin.userId },
    auths,
  );
  await createWaitingEntry({
    clinicId: own.clinic.id,
    patientId: patient.id,
    appointmentTypeId: type.id,
    createdById: own.frontDesk.userId,
  });
  const day = futureMonday();
  const now = localInstant(addDays(day, -3), "10:00");
  await db.$transaction((tx) =>
    recordFreedTime(tx, {
      clinicId: own.clinic.id,
      therapistId: t,
      startsAt: localInstant(day, "10:00"),
      endsAt: localInstant(day, "11:00"),
      sourceKey: "cancel:episode",
    }),
  );
  expect((await runOfferPass({ clinicId: own.clinic.id, now })).offered).toBe(1);
  const [token] = await offerTokensFor(patient.id);
  return { token: token!, now, episodeId: episode.id, patientId: patient.id };
}

describe("booking past the authorisation", () => {
  it("the visit past the authorised count needs a reason: 422 saying why, then booked with the reason stored and audited", async () => {
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 2 }]);
    expect((await bookAt(frontDesk, patientId, addDays(MONDAY, 7), "09:00")).status).toBe(201);
    expect((await bookAt(frontDesk, patientId, addDays(MONDAY, 8), "09:00")).status).toBe(201);
    const refused = await bookAt(frontDesk, patientId, addDays(MONDAY, 9), "09:00");
    expect(refused.status).toBe(422);
    expect(refused.body.error.fieldErrors.overAuthorizationReason[0]).toContain(
      "All 2 authorised visits are used or booked.",
    );
    expect(await db.appointment.count({ where: { patientId } })).toBe(2);

    const reason = "Payer renewal requested 1 Dec; patient flaring";
    const booked = await bookAt(frontDesk, patientId, addDays(MONDAY, 9), "09:00", { overAuthorizationReason: reason });
    expect(booked.status).toBe(201);
    const row = await db.appointment.findUniqueOrThrow({ where: { id: booked.body.appointment.id } });
    expect(row.overAuthorizationReason).toBe(reason);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "appointment.book", recordId: row.id },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ overAuthorizationReason: reason });
  });

  it("a reason sent for a visit within the authorisation is not stored", async () => {
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 2 }]);
    const r = await bookAt(frontDesk, patientId, addDays(MONDAY, 7), "10:00", {
      overAuthorizationReason: "just in case",
    });
    expect(r.status).toBe(201);
    expect(
      (await db.appointment.findUniqueOrThrow({ where: { id: r.body.appointment.id } })).overAuthorizationReason,
    ).toBeNull();
  });

  it("a visit after the authorisation's end date: 422 naming the end date", async () => {
    const validUntil = addDays(MONDAY, 3);
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 12, validUntil }]);
    const refused = await bookAt(frontDesk, patientId, addDays(MONDAY, 7), "11:00");
    expect(refused.status).toBe(422);
    expect(refused.body.error.fieldErrors.overAuthorizationReason[0]).toContain(
      `The authorisation ends on ${formatDayMonthYear(validUntil)}.`,
    );
  });

  it("a reason longer than 500 characters is a field error, nothing written", async () => {
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 1, validUntil: addDays(MONDAY, 3) }]);
    const r = await bookAt(frontDesk, patientId, addDays(MONDAY, 7), "12:00", {
      overAuthorizationReason: "x".repeat(501),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.fieldErrors.overAuthorizationReason).toBeDefined();
    expect(await db.appointment.count({ where: { patientId } })).toBe(0);
  });

  it("a patient booking online past the authorisation is told to call the clinic, and nothing is written", async () => {
    const user = await createUser(clinicId, "patient");
    const patient = await createPatient(clinicId, { userId: user.id });
    await createOpenEpisode({ clinicId, patientId: patient.id, createdById: admin.userId }, [{ visitsAuthorized: 1 }]);
    const me = await actorFor(user, patient.id);
    expect((await bookAt(me, undefined, addDays(MONDAY, 7), "14:00")).status).toBe(201);
    const before = await db.auditEvent.count({ where: { patientId: patient.id, action: "appointment.book" } });
    const refused = await bookAt(me, undefined, addDays(MONDAY, 8), "14:00", { overAuthorizationReason: "please" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(PATIENT_BEYOND_AUTHORIZATION_MESSAGE);
    expect(await db.appointment.count({ where: { patientId: patient.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { patientId: patient.id, action: "appointment.book" } })).toBe(before);
    expect(await db.outboxMessage.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it("series: each occurrence is checked; one reason books them all and is stored only on those beyond", async () => {
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 3 }]);
    const body = {
      appointmentTypeId: typeId,
      therapistId: secondTherapistId,
      patientId,
      firstDate: addDays(MONDAY, 7),
      weekdays: [2, 4],
      time: "08:00",
      weeks: 3,
    };
    const refused = await series(frontDesk)(jsonRequest("POST", body, { "idempotency-key": randomUUID() }));
    expect(refused.status).toBe(422);
    const error = (await refused.json()).error;
    expect(error.fieldErrors.overAuthorizationReason[0]).toContain("3 of the visits are beyond the authorisation");
    expect(await db.appointment.count({ where: { patientId } })).toBe(0);

    const ok = await series(frontDesk)(
      jsonRequest("POST", { ...body, overAuthorizationReason: "Renewal pending" }, { "idempotency-key": randomUUID() }),
    );
    expect(ok.status).toBe(201);
    const rows = await db.appointment.findMany({ where: { patientId }, orderBy: { startsAt: "asc" } });
    expect(rows.map((r) => r.overAuthorizationReason)).toEqual([
      null,
      null,
      null,
      "Renewal pending",
      "Renewal pending",
      "Renewal pending",
    ]);
  });

  it("moving a visit past the authorisation's end needs a reason; moving it back clears it", async () => {
    const validUntil = addDays(MONDAY, 10);
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 12, validUntil }]);
    const r = await bookAt(frontDesk, patientId, addDays(MONDAY, 9), "16:00");
    const a = r.body.appointment;
    const refused = await moveTo(frontDesk, a.id, a.version, addDays(MONDAY, 14), "16:00");
    expect(refused.status).toBe(422);
    expect(refused.body.error.fieldErrors.overAuthorizationReason[0]).toContain(formatDayMonthYear(validUntil));
    const moved = await moveTo(frontDesk, a.id, a.version, addDays(MONDAY, 14), "16:00", {
      overAuthorizationReason: "Extension requested",
    });
    expect(moved.status).toBe(200);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: a.id } })).overAuthorizationReason).toBe(
      "Extension requested",
    );
    const back = await moveTo(frontDesk, a.id, moved.body.appointment.version, addDays(MONDAY, 9), "16:00");
    expect(back.status).toBe(200);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: a.id } })).overAuthorizationReason).toBeNull();
  });

  it("two bookings racing for the last authorised visit: exactly one passes without a reason", async () => {
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 1 }]);
    const day = addDays(MONDAY, 21);
    const attempt = (therapist: string, time: string) =>
      book(frontDesk)(
        jsonRequest(
          "POST",
          {
            appointmentTypeId: typeId,
            therapistId: therapist,
            patientId,
            startsAt: localInstant(day, time).toISOString(),
          },
          { "idempotency-key": randomUUID() },
        ),
      );
    const results = await Promise.all([attempt(therapistId, "09:00"), attempt(secondTherapistId, "14:00")]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const rows = await db.appointment.findMany({ where: { patientId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.overAuthorizationReason).toBeNull();
  });
});

describe("showing the count", () => {
  it("the standing says visits used of authorised and whether a day's new visit is covered", async () => {
    const { patientId, episodeId } = await patientWithEpisode([{ visitsAuthorized: 3 }]);
    const first = await bookAt(frontDesk, patientId, addDays(MONDAY, 1), "15:00");
    await db.appointment.update({ where: { id: first.body.appointment.id }, data: { status: "completed" } });
    await bookAt(frontDesk, patientId, addDays(MONDAY, 3), "15:00");
    const { standing } = await getEpisodeStanding(frontDesk, patientId, { date: addDays(MONDAY, 4) });
    expect(standing).toMatchObject({
      episodeId,
      visitsCounted: 1,
      visitsBooked: 1,
      plannedVisitsRemaining: 10,
      authorizedVisitsRemaining: 1,
      authorization: { visitsAuthorized: 3, used: 1, planned: 1, remaining: 1 },
      newVisit: { kind: "within", visitNumber: 3, visitsAuthorized: 3 },
    });
    expect(standing!.label).toMatch(/^visit 1 of 3 authorised, until \d{1,2} \w{3} \d{4}$/);
    await bookAt(frontDesk, patientId, addDays(MONDAY, 4), "15:00");
    const after = await getEpisodeStanding(frontDesk, patientId, { date: addDays(MONDAY, 8) });
    expect(after.standing!.newVisit).toEqual({
      kind: "beyond",
      message: "All 3 authorised visits are used or booked.",
    });
  });

  it("a patient reads their own standing, and another patient's is not found", async () => {
    const user = await createUser(clinicId, "patient");
    const me = await createPatient(clinicId, { userId: user.id });
    await createOpenEpisode({ clinicId, patientId: me.id, createdById: admin.userId }, [{ visitsAuthorized: 4 }]);
    const other = await patientWithEpisode([{ visitsAuthorized: 4 }]);
    const actor = await actorFor(user, me.id);
    expect((await getEpisodeStanding(actor, me.id)).standing?.authorization?.visitsAuthorized).toBe(4);
    await expect(getEpisodeStanding(actor, other.patientId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("no open episode: standing null; a bad date is a field error", async () => {
    const patient = await createPatient(clinicId);
    expect(await getEpisodeStanding(frontDesk, patient.id)).toEqual({ standing: null });
    await expect(getEpisodeStanding(frontDesk, patient.id, { date: "2026-02-31" })).rejects.toMatchObject({
      code: "validation",
    });
  });

  it("the calendar numbers each visit in its authorisation and marks the ones beyond with their reason", async () => {
    const { patientId } = await patientWithEpisode([{ visitsAuthorized: 2 }]);
    const week = addDays(MONDAY, 28);
    const a = await bookAt(frontDesk, patientId, week, "08:00");
    const b = await bookAt(frontDesk, patientId, addDays(week, 1), "08:00");
    const c = await bookAt(frontDesk, patientId, addDays(week, 2), "08:00", { overAuthorizationReason: "Renewal" });
    const cal = await listCalendar(frontDesk, { date: week, view: "week" });
    const visit = (id: string) => cal.appointments.find((x) => x.id === id)!.episodeVisit;
    expect(visit(a.body.appointment.id)).toMatchObject({ kind: "within", visitNumber: 1, visitsAuthorized: 2 });
    expect(visit(b.body.appointment.id)).toMatchObject({ kind: "within", visitNumber: 2, visitsAuthorized: 2 });
    expect(visit(c.body.appointment.id)).toEqual({ kind: "beyond", reason: "Renewal" });
  });
});
