import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

const { TOKEN, ORIGIN } = vi.hoisted(() => {
  // Read once by lib/env when first used: set before anything imports it.
  process.env.TWILIO_AUTH_TOKEN = "integration-twilio-auth-token";
  process.env.APP_URL = "https://mend.example";
  return { TOKEN: "integration-twilio-auth-token", ORIGIN: "https://mend.example" };
});

import { POST } from "@/app/api/sms/inbound/route";
import { moveAppointment } from "@/lib/booking/move-appointment";
import { db } from "@/lib/db";
import { mayText } from "@/lib/patients/message-channel-rules";
import { TEXT_CANCEL_REASON } from "@/lib/text-replies/handle-inbound-text";
import { simulateInboundText } from "@/lib/text-replies/text-reply-log";
import { twilioSignature } from "@/lib/text-replies/twilio-signature";
import { createAppointmentType, futureMonday, giveWeekdayHours, localInstant } from "../../factories/booking";
import { createClinic, createPatient, createStaffActor, createUser } from "../../factories";

const sid = () => `SM${randomBytes(16).toString("hex")}`;
let numberSeq = 0;
const freshNumber = () => `+1555${String(Date.now() % 1_000_000).padStart(6, "0")}${numberSeq++ % 10}`;

function webhook(fields: Record<string, string>, signature: string | null | "valid" = "valid") {
  const params = new URLSearchParams(fields);
  const url = `${ORIGIN}/api/sms/inbound`;
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  const sig = signature === "valid" ? twilioSignature(TOKEN, url, params.entries()) : signature;
  if (sig !== null) headers["x-twilio-signature"] = sig;
  // The Host a caller chooses is not what is signed: the public origin is.
  return POST(
    new Request("http://internal-host:3000/api/sms/inbound", { method: "POST", headers, body: params }),
    undefined,
  );
}

const textFrom = (from: string, body: string, messageSid = sid()) =>
  webhook({ MessageSid: messageSid, AccountSid: `AC${"1".repeat(32)}`, From: from, To: "+15550001111", Body: body });

/** A clinic with a therapist, a patient with consent on a fresh number, and one booked visit `hoursAhead` away. */
async function patientWithVisit(hoursAhead: number, opts: { lateCancellationHours?: number } = {}) {
  const clinic = await createClinic();
  await db.bookingSettings.create({
    data: { clinicId: clinic.id, lateCancellationHours: opts.lateCancellationHours ?? 24 },
  });
  const therapist = await createUser(clinic.id, "therapist");
  const type = await createAppointmentType(clinic.id, { durationMinutes: 45 });
  const phone = freshNumber();
  const patient = await createPatient(clinic.id);
  await db.patient.update({
    where: { id: patient.id },
    data: { phone, textConsentAt: new Date(Date.now() - 86_400_000), textConsentSource: "front_desk" },
  });
  const startsAt = new Date(Math.ceil((Date.now() + hoursAhead * 3_600_000) / 60_000) * 60_000);
  const appointment = await db.appointment.create({
    data: {
      clinicId: clinic.id,
      therapistId: therapist.id,
      patientId: patient.id,
      appointmentTypeId: type.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      blockedUntil: new Date(startsAt.getTime() + 45 * 60_000),
      bookedById: therapist.id,
      bookedVia: "staff",
    },
  });
  return { clinic, therapist, type, patient, phone, appointment };
}

const textsTo = (phone: string) =>
  db.outboxMessage.findMany({ where: { toAddress: phone, channel: "sms" }, orderBy: { createdAt: "asc" } });

describe("POST /api/sms/inbound", () => {
  it("refuses a missing or wrong signature with 403 and writes nothing", async () => {
    const { phone, appointment } = await patientWithVisit(72);
    const before = { texts: await db.inboundText.count(), audits: await db.auditEvent.count() };
    const fields = { MessageSid: sid(), From: phone, To: "+15550001111", Body: "C" };
    expect((await webhook(fields, null)).status).toBe(403);
    expect((await webhook(fields, "bm90IGEgc2lnbmF0dXJl")).status).toBe(403);
    // Signed for another URL (a Host-header trick would sign what the attacker sees, not the public origin).
    const elsewhere = twilioSignature(
      TOKEN,
      "http://internal-host:3000/api/sms/inbound",
      new URLSearchParams(fields).entries(),
    );
    expect((await webhook(fields, elsewhere)).status).toBe(403);
    expect(await db.inboundText.count()).toBe(before.texts);
    expect(await db.auditEvent.count()).toBe(before.audits);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).confirmedAt).toBeNull();
  });

  it("answers a signed but malformed body with 400 and field errors, writing nothing", async () => {
    const before = await db.inboundText.count();
    const res = await webhook({ MessageSid: "nope", From: "555-0100", To: "+15550001111", Body: "C" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["From", "MessageSid"]);
    expect(await db.inboundText.count()).toBe(before);
  });

  it("confirms the soonest booked visit on C, answers with empty TwiML, and acts once per MessageSid", async () => {
    const { phone, appointment, patient } = await patientWithVisit(72);
    const messageSid = sid();
    const first = await textFrom(phone, " c ", messageSid);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("xml");
    expect(await first.text()).toContain("<Response/>");
    const confirmed = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(confirmed.confirmedAt).not.toBeNull();
    expect(confirmed.confirmedVia).toBe("text");

    const again = await textFrom(phone, " c ", messageSid);
    expect(again.status).toBe(200);
    expect(await db.inboundText.count({ where: { providerMessageId: messageSid } })).toBe(1);
    expect(await textsTo(phone)).toHaveLength(1);
    expect((await textsTo(phone))[0]!.textBody).toContain("is confirmed");
    expect(await db.auditEvent.count({ where: { action: "appointment.confirm", patientId: patient.id } })).toBe(1);
    // Same effect after the redelivery: the confirmation time did not move.
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).confirmedAt).toEqual(
      confirmed.confirmedAt,
    );
  });

  it("loses the confirmation when the visit moves", async () => {
    const clinic = await createClinic();
    const therapist = await createUser(clinic.id, "therapist");
    await giveWeekdayHours(clinic.id, therapist.id);
    const type = await createAppointmentType(clinic.id, { durationMinutes: 45 });
    const frontDesk = await createStaffActor(clinic.id, "front_desk");
    const phone = freshNumber();
    const patient = await createPatient(clinic.id);
    await db.patient.update({ where: { id: patient.id }, data: { phone } });
    const monday = futureMonday("America/New_York", 3);
    const startsAt = localInstant(monday, "10:00");
    const appointment = await db.appointment.create({
      data: {
        clinicId: clinic.id,
        therapistId: therapist.id,
        patientId: patient.id,
        appointmentTypeId: type.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        blockedUntil: new Date(startsAt.getTime() + 45 * 60_000),
        bookedById: therapist.id,
        bookedVia: "staff",
      },
    });
    await textFrom(phone, "YES");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).confirmedAt).not.toBeNull();
    await moveAppointment(frontDesk, appointment.id, {
      expectedVersion: 1,
      startsAt: localInstant(monday, "11:00").toISOString(),
    });
    const moved = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(moved.startsAt).toEqual(localInstant(monday, "11:00"));
    expect(moved.confirmedAt).toBeNull();
    expect(moved.confirmedVia).toBeNull();
  });

  it("ignores and audits a text from a number no patient has", async () => {
    const phone = freshNumber();
    const res = await textFrom(phone, "C");
    expect(res.status).toBe(200);
    const row = await db.inboundText.findFirstOrThrow({ where: { fromNumber: phone } });
    expect(row.outcome).toBe("unknown_sender");
    expect(row.clinicId).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { recordId: row.id } });
    expect(audit.action).toBe("text_reply.unknown_sender");
    expect(audit.clinicId).toBeNull();
    expect(await textsTo(phone)).toHaveLength(0);
  });

  it("STOP opts every patient on the number out with one confirmation; later texts get no answer; START opts in again", async () => {
    const { phone, patient, clinic } = await patientWithVisit(72);
    const sibling = await createPatient(clinic.id, { firstName: "Sib" });
    await db.patient.update({
      where: { id: sibling.id },
      data: { phone, textConsentAt: new Date(Date.now() - 86_400_000) },
    });
    const facts = (id: string) =>
      db.patient.findUniqueOrThrow({
        where: { id },
        select: { phone: true, textConsentAt: true, textOptedOutAt: true, textConsentSource: true },
      });
    expect(mayText(await facts(patient.id))).toBe(true);

    await textFrom(phone, "Stop");
    expect(mayText(await facts(patient.id))).toBe(false);
    expect(mayText(await facts(sibling.id))).toBe(false);
    let texts = await textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.textBody).toBe(`You will get no more texts from ${clinic.name}. Reply START to resume.`);

    // Opted out: HELP, C or anything else gets no text back.
    await textFrom(phone, "HELP");
    await textFrom(phone, "what?");
    expect(await textsTo(phone)).toHaveLength(1);

    await textFrom(phone, "START");
    const after = await facts(patient.id);
    expect(mayText(after)).toBe(true);
    expect(after.textConsentSource).toBe("reply:START");
    expect(mayText(await facts(sibling.id))).toBe(true);
    texts = await textsTo(phone);
    expect(texts).toHaveLength(2);
    expect(texts[1]!.textBody).toContain("texts are on again");
  });

  it("R outside the late-cancellation window cancels as the patient and queues the cancellation notice", async () => {
    const { phone, appointment, patient } = await patientWithVisit(72, { lateCancellationHours: 24 });
    await textFrom(phone, "r");
    const row = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row.status).toBe("cancelled");
    expect(row.cancelReason).toBe(TEXT_CANCEL_REASON);
    expect(row.cancelledByRole).toBe("patient");
    expect(row.lateCancellation).toBe(false);
    expect(await db.outboxMessage.count({ where: { patientId: patient.id, kind: "appointment.cancellation" } })).toBe(
      1,
    );
    expect(await db.frontDeskTask.count({ where: { patientId: patient.id } })).toBe(0);
    expect((await db.inboundText.findFirstOrThrow({ where: { fromNumber: phone } })).outcome).toBe("cancelled");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "appointment.cancel", patientId: patient.id },
    });
    expect(audit.actorRole).toBe("patient");
  });

  it("NO inside the window leaves the visit booked, raises one call-back task and tells the patient the clinic will call", async () => {
    const { phone, appointment, patient } = await patientWithVisit(5, { lateCancellationHours: 24 });
    const messageSid = sid();
    await textFrom(phone, "No", messageSid);
    await textFrom(phone, "No", messageSid);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe("booked");
    const tasks = await db.frontDeskTask.findMany({ where: { patientId: patient.id } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: "call_back", status: "open", appointmentId: appointment.id });
    const texts = await textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.textBody).toContain("the clinic will call you");
  });

  it("applies confirm to the soonest booked visit among patients sharing the number", async () => {
    const later = await patientWithVisit(96);
    const soonerPatient = await createPatient(later.clinic.id, { firstName: "Kid" });
    await db.patient.update({ where: { id: soonerPatient.id }, data: { phone: later.phone } });
    const startsAt = new Date(Math.ceil((Date.now() + 48 * 3_600_000) / 60_000) * 60_000);
    const sooner = await db.appointment.create({
      data: {
        clinicId: later.clinic.id,
        therapistId: later.therapist.id,
        patientId: soonerPatient.id,
        appointmentTypeId: later.type.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        blockedUntil: new Date(startsAt.getTime() + 45 * 60_000),
        bookedById: later.therapist.id,
        bookedVia: "staff",
      },
    });
    await textFrom(later.phone, "CONFIRM");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: sooner.id } })).confirmedAt).not.toBeNull();
    expect((await db.appointment.findUniqueOrThrow({ where: { id: later.appointment.id } })).confirmedAt).toBeNull();
  });

  it("acts once when the provider delivers the same message twice at the same moment", async () => {
    const { phone, patient } = await patientWithVisit(5, { lateCancellationHours: 24 });
    const messageSid = sid();
    const answers = await Promise.all([textFrom(phone, "R", messageSid), textFrom(phone, "R", messageSid)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await db.inboundText.count({ where: { providerMessageId: messageSid } })).toBe(1);
    expect(await db.frontDeskTask.count({ where: { patientId: patient.id } })).toBe(1);
    expect(await textsTo(phone)).toHaveLength(1);
  });

  it("refuses simulated replies once a provider is configured", async () => {
    const { phone, clinic } = await patientWithVisit(72);
    const admin = await createStaffActor(clinic.id, "admin");
    await expect(simulateInboundText(admin, { from: phone, body: "C" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.inboundText.count({ where: { fromNumber: phone } })).toBe(0);
  });

  it("answers an unrecognised text with the options and the clinic's phone", async () => {
    const { phone, clinic } = await patientWithVisit(72);
    await textFrom(phone, "see you then");
    const [text] = await textsTo(phone);
    expect(text!.textBody).toContain("reply C to confirm");
    expect(text!.textBody).toContain(clinic.phone);
  });
});
