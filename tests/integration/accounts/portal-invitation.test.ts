import { describe, expect, it } from "vitest";
import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { sendPortalInvitation } from "@/lib/accounts/send-portal-invitation";
import { resumeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createClinicWithPeople, createPatient } from "../../factories";
import { tokenFromMail } from "./helpers";

const origin = { ip: "198.51.100.40", userAgent: "vitest" };
const PASSWORD = "my portal passphrase";

describe("portal invitations", () => {
  it("front desk invites a registered patient; the link creates a patient account joined to the same record, which signs in to the portal", async () => {
    const { clinic, frontDesk } = await createClinicWithPeople();
    const patient = await createPatient(clinic.id, { firstName: "Riley" });
    const sent = await sendPortalInvitation(frontDesk, patient.id);
    expect(sent).toMatchObject({ email: patient.email, resent: false });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "patient.portal_invitation" } });
    expect(mail).toMatchObject({ toAddress: patient.email, patientId: patient.id, clinicId: clinic.id });
    expect(
      await db.auditEvent.count({ where: { action: "patient.portal_invitation_send", patientId: patient.id } }),
    ).toBe(1);

    const token = await tokenFromMail(patient.email!, "patient.portal_invitation");
    expect(await acceptInvitation({ token, password: PASSWORD }, origin)).toEqual({
      email: patient.email,
      role: "patient",
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: patient.email! }, include: { patient: true } });
    expect(user).toMatchObject({ role: "patient", clinicId: clinic.id, name: `Riley ${patient.lastName}` });
    expect(user.patient?.id).toBe(patient.id);
    expect(
      await db.auditEvent.count({
        where: { action: "patient.account_create", patientId: patient.id, actorId: user.id },
      }),
    ).toBe(1);
    const { sessionId } = await signInWithPassword({ email: patient.email!, password: PASSWORD }, origin);
    expect(await resumeSession(sessionId, origin)).toMatchObject({
      actor: { role: "patient", patientId: patient.id },
    });
    // Used up: a second invitation is refused now that the account exists.
    await expect(sendPortalInvitation(frontDesk, patient.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(acceptInvitation({ token, password: PASSWORD }, origin)).rejects.toMatchObject({ code: "gone" });
  });

  it("sending again replaces the earlier link", async () => {
    const { clinic, admin } = await createClinicWithPeople();
    const patient = await createPatient(clinic.id);
    await sendPortalInvitation(admin, patient.id);
    const old = await tokenFromMail(patient.email!, "patient.portal_invitation");
    expect(await sendPortalInvitation(admin, patient.id)).toMatchObject({ resent: true });
    await expect(acceptInvitation({ token: old, password: PASSWORD }, origin)).rejects.toMatchObject({
      code: "gone",
      message: expect.stringContaining("no longer valid"),
    });
    const fresh = await tokenFromMail(patient.email!, "patient.portal_invitation");
    await expect(acceptInvitation({ token: fresh, password: PASSWORD }, origin)).resolves.toMatchObject({
      role: "patient",
    });
  });

  it("refuses a patient who already has an account (409), one without an email (422), and the link's address taken meanwhile (409)", async () => {
    const { clinic, frontDesk, patientB } = await createClinicWithPeople();
    await expect(sendPortalInvitation(frontDesk, patientB.patient.id)).rejects.toMatchObject({ code: "conflict" });
    const noEmail = await createPatient(clinic.id);
    await db.patient.update({ where: { id: noEmail.id }, data: { email: null } });
    await expect(sendPortalInvitation(frontDesk, noEmail.id)).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { email: expect.any(Array) },
    });
    const patient = await createPatient(clinic.id);
    await sendPortalInvitation(frontDesk, patient.id);
    const token = await tokenFromMail(patient.email!, "patient.portal_invitation");
    await db.user.create({
      data: { clinicId: clinic.id, email: patient.email!, name: "Someone else", role: "therapist" },
    });
    await expect(acceptInvitation({ token, password: PASSWORD }, origin)).rejects.toMatchObject({ code: "conflict" });
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).userId).toBeNull();
  });

  it("only staff who register patients send it, and only for their own clinic's patients", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    const patient = await createPatient(one.clinic.id);
    for (const actor of [one.therapist, one.patientA.actor])
      await expect(sendPortalInvitation(actor, patient.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendPortalInvitation(two.frontDesk, patient.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(sendPortalInvitation(one.frontDesk, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    expect(await db.accountToken.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
