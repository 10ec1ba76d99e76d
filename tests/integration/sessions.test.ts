import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { confirmIdentity } from "@/lib/auth/mfa";
import { endSession, resumeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { setUserActive } from "@/lib/staff/set-user-active";
import { createClinic, createStaffActor, createUser, TEST_PASSWORD } from "../factories";

const origin = { ip: "203.0.113.9", userAgent: "vitest" };
const MIN = 60_000;

async function signedIn(role: "therapist" | "patient" = "therapist") {
  const clinic = await createClinic();
  const user = await createUser(clinic.id, role);
  const { sessionId } = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, origin);
  // Session lifetime is the subject here; the second factor has its own tests (mfa.test.ts).
  await db.authSession.update({ where: { id: sessionId }, data: { mfaVerifiedAt: new Date() } });
  return { clinic, user, sessionId };
}

describe("sessions", () => {
  it("resumes a fresh session as the user's actor", async () => {
    const { user, sessionId } = await signedIn();
    const resumed = await resumeSession(sessionId, origin);
    expect(resumed).toMatchObject({
      actor: { userId: user.id, role: "therapist", clinicId: user.clinicId, sessionId },
    });
  });

  it("ends a staff session after 15 idle minutes, on the next request, and audits it once", async () => {
    const { user, sessionId } = await signedIn();
    const later = new Date(Date.now() + 15 * MIN + 1000);
    expect(await resumeSession(sessionId, origin, later)).toEqual({ ended: "idle_timeout" });
    expect(await resumeSession(sessionId, origin, later)).toEqual({ ended: "idle_timeout" });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.session_ended" } })).toBe(1);
  });

  it("keeps an active session alive past 15 minutes because each request refreshes it", async () => {
    const { sessionId } = await signedIn();
    const t0 = Date.now();
    for (const minutes of [10, 20, 30]) {
      expect(await resumeSession(sessionId, origin, new Date(t0 + minutes * MIN))).toHaveProperty("actor");
    }
  });

  it("ends the session 12 hours after sign-in even when active", async () => {
    const { sessionId } = await signedIn();
    await db.authSession.update({
      where: { id: sessionId },
      data: { createdAt: new Date(Date.now() - 12 * 60 * MIN) },
    });
    expect(await resumeSession(sessionId, origin)).toEqual({ ended: "expired" });
  });

  it("signing out ends the session for good", async () => {
    const { sessionId } = await signedIn("patient");
    await endSession(sessionId, "signed_out", origin);
    expect(await resumeSession(sessionId, origin)).toEqual({ ended: "signed_out" });
  });

  it("disabling a user ends every session they have", async () => {
    const { clinic, user, sessionId } = await signedIn();
    const second = (await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, origin)).sessionId;
    const admin = await createStaffActor(clinic.id, "admin");
    await setUserActive(admin, { userId: user.id, active: false });
    expect(await resumeSession(sessionId, origin)).toEqual({ ended: "user_disabled" });
    expect(await resumeSession(second, origin)).toEqual({ ended: "user_disabled" });
  });

  it("changing the password ends the user's other sessions but not the one that changed it", async () => {
    const { user, sessionId } = await signedIn();
    const other = (await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, origin)).sessionId;
    const resumed = await resumeSession(sessionId, origin);
    if (!("actor" in resumed)) throw new Error("expected a live session");
    await confirmIdentity(resumed.actor, { password: TEST_PASSWORD });
    await changePassword(resumed.actor, { newPassword: "a brand new passphrase" });
    expect(await resumeSession(sessionId, origin)).toHaveProperty("actor");
    expect(await resumeSession(other, origin)).toEqual({ ended: "credentials_changed" });
    await expect(
      signInWithPassword({ email: user.email, password: TEST_PASSWORD }, { ...origin, ip: "203.0.113.10" }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(
      signInWithPassword({ email: user.email, password: "a brand new passphrase" }, origin),
    ).resolves.toHaveProperty("sessionId");
  });

  it("refuses to confirm identity with the wrong password", async () => {
    const { sessionId } = await signedIn();
    const resumed = await resumeSession(sessionId, origin);
    if (!("actor" in resumed)) throw new Error("expected a live session");
    await expect(confirmIdentity(resumed.actor, { password: "guess" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { password: ["That password is not right."] },
    });
  });

  it("treats an unknown session id as no session", async () => {
    expect(await resumeSession("00000000-0000-7000-8000-000000000000", origin)).toEqual({ missing: true });
  });
});
