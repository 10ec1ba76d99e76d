import { describe, expect, it } from "vitest";
import { GET as getByToken } from "@/app/api/intake/[token]/route";
import { db } from "@/lib/db";
import { hashLinkToken } from "@/lib/intake/link-token";
import { resolveIntakeLink } from "@/lib/intake/resolve-intake-link";
import { revokeIntakeLinks } from "@/lib/intake/revoke-intake-links";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { createClinicWithPeople, createPatient } from "../factories";
import { linkActorFor, ORIGIN, tokenOf } from "../factories/intake";

const DAY = 24 * 60 * 60 * 1000;
const get = (token: string) =>
  getByToken(new Request(`http://test/api/intake/${token}`), { params: Promise.resolve({ token }) });

describe("intake links", () => {
  it("front desk sends a link: random token shown once, only its hash stored, email queued, draft prefilled", async () => {
    const { frontDesk, clinic } = await createClinicWithPeople();
    const patient = await createPatient(clinic.id, { firstName: "Rosa" });
    const sent = await sendIntakeLink(frontDesk, patient.id, { kind: "initial" });

    const token = tokenOf(sent.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const link = await db.intakeLink.findFirstOrThrow({ where: { intakeId: sent.intakeId } });
    expect(link.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(link)).not.toContain(token);
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(14 * DAY);

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { patientId: patient.id, kind: "intake.link" } });
    expect(mail.toAddress).toBe(patient.email);
    expect(mail.textBody).toContain(sent.url);
    expect(sent.emailedTo).toBe(patient.email);

    const intake = await db.intake.findUniqueOrThrow({ where: { id: sent.intakeId } });
    expect(intake).toMatchObject({ status: "draft", kind: "initial", revision: 0, clinicId: clinic.id });
    expect(intake.answers).toMatchObject({ contact: { firstName: "Rosa", dateOfBirth: "1980-05-05" } });

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "intake_link.send", patientId: patient.id },
    });
    expect(audit.actorId).toBe(frontDesk.userId);
  });

  it("only roles with intake-link:send may send, and only for their own clinic's patients", async () => {
    const a = await createClinicWithPeople();
    const b = await createClinicWithPeople();
    await expect(sendIntakeLink(a.therapist, a.patientA.patient.id, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendIntakeLink(a.patientA.actor, a.patientA.patient.id, {})).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(sendIntakeLink(a.frontDesk, b.patientA.patient.id, {})).rejects.toMatchObject({ code: "not_found" });
    await expect(sendIntakeLink(a.frontDesk, "not-a-uuid", {})).rejects.toMatchObject({ code: "not_found" });
    await expect(sendIntakeLink(a.frontDesk, a.patientA.patient.id, { kind: "survey" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { kind: expect.any(Array) },
    });
    expect(await db.intake.count({ where: { patientId: b.patientA.patient.id } })).toBe(0);
    // The admin may send too.
    await expect(sendIntakeLink(a.admin, a.patientA.patient.id, {})).resolves.toMatchObject({ resent: false });
  });

  it("resending keeps the draft and retires the old link", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    const first = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    const actor = await linkActorFor(first.url);
    await saveIntakeDraft(actor, actor.intakeId, { answers: { reason: { reason: "Sore neck" } }, baseRevision: 0 });

    const second = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    expect(second).toMatchObject({ intakeId: first.intakeId, resent: true });
    expect(await resolveIntakeLink(tokenOf(first.url), ORIGIN)).toMatchObject({ ok: false, problem: "revoked" });
    const again = await linkActorFor(second.url);
    expect(again.intakeId).toBe(first.intakeId);
    const intake = await db.intake.findUniqueOrThrow({ where: { id: first.intakeId } });
    expect(intake.answers).toMatchObject({ reason: { reason: "Sore neck" } });
  });

  it("two simultaneous sends end with one draft and one working link", async () => {
    const { frontDesk, admin, patientA } = await createClinicWithPeople();
    const [x, y] = await Promise.all([
      sendIntakeLink(frontDesk, patientA.patient.id, {}),
      sendIntakeLink(admin, patientA.patient.id, {}),
    ]);
    expect(x.intakeId).toBe(y.intakeId);
    expect(await db.intake.count({ where: { patientId: patientA.patient.id } })).toBe(1);
    const states = await Promise.all([x, y].map((s) => resolveIntakeLink(tokenOf(s.url), ORIGIN)));
    expect(states.filter((s) => s.ok)).toHaveLength(1);
  });

  it("a link expires after 14 days", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    const sent = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    const token = tokenOf(sent.url);
    const at = (days: number) => new Date(Date.now() + days * DAY);
    expect(await resolveIntakeLink(token, ORIGIN, { now: at(13.9) })).toMatchObject({ ok: true });
    expect(await resolveIntakeLink(token, ORIGIN, { now: at(14.1) })).toMatchObject({ ok: false, problem: "expired" });
  });

  it("a revoked link stops working at once, through the API too", async () => {
    const { frontDesk, therapist, patientA } = await createClinicWithPeople();
    const sent = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    const token = tokenOf(sent.url);
    expect((await get(token)).status).toBe(200);

    await expect(revokeIntakeLinks(therapist, sent.intakeId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeIntakeLinks(frontDesk, sent.intakeId)).resolves.toEqual({ revoked: 1 });
    await expect(revokeIntakeLinks(frontDesk, sent.intakeId)).rejects.toMatchObject({ code: "conflict" });

    const res = await get(token);
    expect(res.status).toBe(410);
    const body = await res.json();
    expect(body.error.message).toMatch(/no longer active/);
    expect(JSON.stringify(body)).not.toContain(patientA.patient.lastName);
  });

  it("unknown or malformed tokens get a 404 without touching any intake", async () => {
    for (const token of ["x".repeat(43), "short", "%00%27;DROP TABLE", "a".repeat(500)]) {
      const res = await get(token);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });

  it("the link opens its own intake only: the actor cannot reach another intake id", async () => {
    const { frontDesk, patientA, patientB } = await createClinicWithPeople();
    const a = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    const b = await sendIntakeLink(frontDesk, patientB.patient.id, {});
    const actorA = await linkActorFor(a.url);
    await expect(saveIntakeDraft(actorA, b.intakeId, { answers: {}, baseRevision: 0 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a follow-up needs a submitted first intake", async () => {
    const { frontDesk, patientA } = await createClinicWithPeople();
    await expect(sendIntakeLink(frontDesk, patientA.patient.id, { kind: "follow_up" })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
