import { describe, expect, it } from "vitest";
import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { inviteStaff } from "@/lib/accounts/invite-staff";
import { listStaffInvitations, resendStaffInvitation, revokeStaffInvitation } from "@/lib/accounts/staff-invitations";
import { verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { resumeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { createClinicWithPeople } from "../../factories";
import { HOUR, sha256, tokenFromMail } from "./helpers";

const origin = { ip: "198.51.100.20", userAgent: "vitest" };
let n = 0;
const invitee = (role = "therapist") => ({ name: "Robin Ellis", email: `Robin.Ellis${++n}@Clinic.example`, role });
const PASSWORD = "a brand new passphrase";

describe("staff invitations", () => {
  it("an admin invites by email and role: only the token's hash is stored, the link is emailed through the outbox, and it is audited", async () => {
    const { clinic, admin } = await createClinicWithPeople();
    const input = invitee("front_desk");
    const invitation = await inviteStaff(admin, input);
    const email = input.email.toLowerCase();
    const token = await tokenFromMail(email, "staff.invitation");
    const row = await db.accountToken.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row).toMatchObject({ clinicId: clinic.id, purpose: "staff_invitation", email, role: "front_desk" });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(72 * HOUR);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "staff.invitation_send", recordId: invitation.id } })).toBe(1);
    expect((await listStaffInvitations(admin)).map((i) => i.email)).toContain(email);
  });

  it("the invitee sets a password: a user of that role in that clinic, not yet enrolled in MFA, who then signs in with the second step pending", async () => {
    const { clinic, admin } = await createClinicWithPeople();
    const input = invitee();
    const invitation = await inviteStaff(admin, input);
    const email = input.email.toLowerCase();
    const token = await tokenFromMail(email, "staff.invitation");
    expect(await acceptInvitation({ token, password: PASSWORD }, origin)).toEqual({ email, role: "therapist" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ clinicId: clinic.id, role: "therapist", name: "Robin Ellis", mfaEnabledAt: null });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
    expect(await verifyPassword(passwordHash!, PASSWORD)).toBe(true);
    expect(await db.accountToken.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      userId: user.id,
      usedAt: expect.any(Date),
    });
    expect(await db.auditEvent.count({ where: { action: "staff.invitation_accept", recordId: user.id } })).toBe(1);
    expect(await listStaffInvitations(admin)).toEqual([]);
    // Accepting signs nobody in; the normal sign-in then asks for the authenticator enrolment.
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    const { sessionId } = await signInWithPassword({ email, password: PASSWORD }, origin);
    expect(await resumeSession(sessionId, origin)).toMatchObject({ mfaPending: { enrolled: false } });
  });

  it("a link works once: the second use is refused and creates nothing", async () => {
    const { admin } = await createClinicWithPeople();
    const input = invitee();
    await inviteStaff(admin, input);
    const token = await tokenFromMail(input.email.toLowerCase(), "staff.invitation");
    await acceptInvitation({ token, password: PASSWORD }, origin);
    await expect(acceptInvitation({ token, password: "another passphrase" }, origin)).rejects.toMatchObject({
      code: "gone",
      message: expect.stringContaining("already used"),
    });
    expect(await db.user.count({ where: { email: input.email.toLowerCase() } })).toBe(1);
  });

  it("the same link used twice at once: exactly one account", async () => {
    const { admin } = await createClinicWithPeople();
    const input = invitee();
    await inviteStaff(admin, input);
    const token = await tokenFromMail(input.email.toLowerCase(), "staff.invitation");
    const results = await Promise.allSettled([
      acceptInvitation({ token, password: PASSWORD }, origin),
      acceptInvitation({ token, password: "a second passphrase" }, origin),
      acceptInvitation({ token, password: "a third passphrase" }, origin),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(["gone", "conflict"]).toContain((r.reason as { code: string }).code);
    expect(await db.user.count({ where: { email: input.email.toLowerCase() } })).toBe(1);
  });

  it("expires after 72 hours", async () => {
    const { admin } = await createClinicWithPeople();
    const input = invitee();
    await inviteStaff(admin, input);
    const token = await tokenFromMail(input.email.toLowerCase(), "staff.invitation");
    const later = new Date(Date.now() + 72 * HOUR + 60_000);
    await expect(acceptInvitation({ token, password: PASSWORD }, origin, later)).rejects.toMatchObject({
      code: "gone",
      message: expect.stringContaining("expired"),
    });
    expect((await listStaffInvitations(admin, later))[0]).toMatchObject({ expired: true });
  });

  it("resend mails a new link and the old one dies; revoke kills the link", async () => {
    const { admin } = await createClinicWithPeople();
    const input = invitee("admin");
    const first = await inviteStaff(admin, input);
    const email = input.email.toLowerCase();
    const oldToken = await tokenFromMail(email, "staff.invitation");
    const second = await resendStaffInvitation(admin, { invitationId: first.id });
    const newToken = await tokenFromMail(email, "staff.invitation");
    expect(newToken).not.toBe(oldToken);
    await expect(acceptInvitation({ token: oldToken, password: PASSWORD }, origin)).rejects.toMatchObject({
      code: "gone",
      message: expect.stringContaining("no longer valid"),
    });
    expect((await listStaffInvitations(admin)).map((i) => i.id)).toEqual([second.id]);
    await revokeStaffInvitation(admin, { invitationId: second.id });
    await expect(acceptInvitation({ token: newToken, password: PASSWORD }, origin)).rejects.toMatchObject({
      code: "gone",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await listStaffInvitations(admin)).toEqual([]);
    await expect(revokeStaffInvitation(admin, { invitationId: second.id })).rejects.toMatchObject({
      code: "not_found",
    });
    const actions = await db.auditEvent.findMany({
      where: { actorId: admin.userId, action: { startsWith: "staff.invitation" } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "staff.invitation_resend",
      "staff.invitation_revoke",
      "staff.invitation_send",
    ]);
  });

  it("inviting an address that already has an account is a field error; so is bad input", async () => {
    const { admin, therapist } = await createClinicWithPeople();
    const existing = await db.user.findUniqueOrThrow({ where: { id: therapist.userId } });
    await expect(inviteStaff(admin, { ...invitee(), email: existing.email })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: [expect.stringContaining("already exists")] },
    });
    await expect(inviteStaff(admin, { name: "", email: "nope", role: "patient" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: expect.any(Array), email: expect.any(Array), role: expect.any(Array) },
    });
    await expect(acceptInvitation({ token: "x", password: "short" }, origin)).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { token: expect.any(Array), password: expect.any(Array) },
    });
    await expect(acceptInvitation({ token: "Z".repeat(43), password: PASSWORD }, origin)).rejects.toMatchObject({
      code: "gone",
    });
  });

  it("inviting the same address again replaces the pending invitation", async () => {
    const { admin } = await createClinicWithPeople();
    const input = invitee();
    await inviteStaff(admin, input);
    const old = await tokenFromMail(input.email.toLowerCase(), "staff.invitation");
    await inviteStaff(admin, { ...input, role: "front_desk" });
    expect(await listStaffInvitations(admin)).toHaveLength(1);
    await expect(acceptInvitation({ token: old, password: PASSWORD }, origin)).rejects.toMatchObject({ code: "gone" });
    const fresh = await tokenFromMail(input.email.toLowerCase(), "staff.invitation");
    expect((await acceptInvitation({ token: fresh, password: PASSWORD }, origin)).role).toBe("front_desk");
  });

  it("only admins invite, and only their own clinic's invitations can be resent or revoked", async () => {
    const one = await createClinicWithPeople();
    const two = await createClinicWithPeople();
    for (const actor of [one.therapist, one.frontDesk, one.patientA.actor])
      await expect(inviteStaff(actor, invitee())).rejects.toMatchObject({ code: "forbidden" });
    const invitation = await inviteStaff(one.admin, invitee());
    await expect(resendStaffInvitation(two.admin, { invitationId: invitation.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(revokeStaffInvitation(two.admin, { invitationId: invitation.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await listStaffInvitations(two.admin)).toEqual([]);
  });
});
