import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import {
  beginEnrolment,
  completeEnrolment,
  confirmIdentity,
  regenerateRecoveryCodes,
  verifySecondFactor,
} from "@/lib/auth/mfa";
import { MFA_FAILURE_LIMIT, TOTP_PERIOD_SECONDS, totpCode } from "@/lib/auth/mfa-rules";
import { resumeSession, type MfaPending } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { resetStaffMfa } from "@/lib/staff/reset-staff-mfa";
import { createClinic, createUser, TEST_PASSWORD } from "../factories";

let ip = 0;
const origin = () => ({ ip: `203.0.113.${++ip}`, userAgent: "vitest" });
const STEP = TOTP_PERIOD_SECONDS * 1000;

async function passwordStep(email: string) {
  const { sessionId } = await signInWithPassword({ email, password: TEST_PASSWORD }, origin());
  const resumed = await resumeSession(sessionId, origin());
  if (!("mfaPending" in resumed)) throw new Error(`expected a pending second step, got ${JSON.stringify(resumed)}`);
  return resumed.mfaPending;
}

async function enrolledStaff(role: "admin" | "therapist" = "therapist") {
  const clinic = await createClinic();
  const user = await createUser(clinic.id, role);
  const pending = await passwordStep(user.email);
  const { secret } = await beginEnrolment(pending);
  const { recoveryCodes } = await completeEnrolment(pending, { code: totpCode(secret, Date.now()) }, origin());
  const resumed = await resumeSession(pending.sessionId, origin());
  if (!("actor" in resumed)) throw new Error("expected a full session after enrolment");
  return { clinic, user, secret, recoveryCodes, actor: resumed.actor };
}

/** A code for a step no earlier sign-in of this user has used (the window allows one step ahead). */
const freshCode = (secret: string) => totpCode(secret, Date.now() + STEP);

describe("staff two-step sign-in", () => {
  it("holds a staff session half-open after the password, but lets a patient straight in", async () => {
    const clinic = await createClinic();
    const staff = await createUser(clinic.id, "front_desk");
    expect(await passwordStep(staff.email)).toMatchObject({ userId: staff.id, enrolled: false });
    const patient = await createUser(clinic.id, "patient");
    const { sessionId } = await signInWithPassword({ email: patient.email, password: TEST_PASSWORD }, origin());
    expect(await resumeSession(sessionId, origin())).toHaveProperty("actor");
  });

  it("enrols on first sign-in: the same secret until confirmed, stored sealed, then ten recovery codes", async () => {
    const clinic = await createClinic();
    const user = await createUser(clinic.id, "therapist");
    const pending = await passwordStep(user.email);
    const first = await beginEnrolment(pending);
    expect((await beginEnrolment(pending)).secret).toBe(first.secret);
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { mfaSecret: true, mfaEnabledAt: true },
    });
    expect(stored.mfaSecret).not.toContain(first.secret);
    expect(stored.mfaEnabledAt).toBeNull();

    await expect(completeEnrolment(pending, { code: "000000" }, origin())).rejects.toMatchObject({
      code: "validation",
    });
    const { recoveryCodes } = await completeEnrolment(pending, { code: totpCode(first.secret, Date.now()) }, origin());
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect(await resumeSession(pending.sessionId, origin())).toHaveProperty("actor");
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.mfa_enrolled" } })).toBe(1);
  });

  it("accepts an authenticator code once: the same code in another sign-in is refused", async () => {
    const { user, secret } = await enrolledStaff();
    const code = freshCode(secret);
    const a = await passwordStep(user.email);
    await verifySecondFactor(a, { code }, origin());
    expect(await resumeSession(a.sessionId, origin())).toHaveProperty("actor");
    const b = await passwordStep(user.email);
    await expect(verifySecondFactor(b, { code }, origin())).rejects.toMatchObject({ code: "validation" });
    expect(await resumeSession(b.sessionId, origin())).toHaveProperty("mfaPending");
  });

  it("lets exactly one of two simultaneous sign-ins use the same code", async () => {
    const { user, secret } = await enrolledStaff();
    const code = freshCode(secret);
    const sessions = await Promise.all([passwordStep(user.email), passwordStep(user.email)]);
    const results = await Promise.allSettled(
      sessions.map((p: MfaPending) => verifySecondFactor(p, { code }, origin())),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("accepts each recovery code once, typed loosely", async () => {
    const { user, recoveryCodes } = await enrolledStaff();
    const code = recoveryCodes[3]!;
    const a = await passwordStep(user.email);
    await verifySecondFactor(a, { code: ` ${code.toUpperCase().replace("-", " ")} ` }, origin());
    expect(await resumeSession(a.sessionId, origin())).toHaveProperty("actor");
    const b = await passwordStep(user.email);
    await expect(verifySecondFactor(b, { code }, origin())).rejects.toMatchObject({ code: "validation" });
  });

  it(`ends the half-open session after ${MFA_FAILURE_LIMIT} wrong codes`, async () => {
    const { user } = await enrolledStaff();
    const pending = await passwordStep(user.email);
    for (let i = 1; i < MFA_FAILURE_LIMIT; i++) {
      await expect(verifySecondFactor(pending, { code: "123456" }, origin())).rejects.toMatchObject({
        code: "validation",
      });
    }
    await expect(verifySecondFactor(pending, { code: "123456" }, origin())).rejects.toMatchObject({
      code: "unauthenticated",
    });
    expect(await resumeSession(pending.sessionId, origin())).toEqual({ ended: "mfa_failed" });
  });

  it("asks for password and a code again before a password change", async () => {
    const { actor, secret } = await enrolledStaff();
    await expect(changePassword(actor, { newPassword: "another good passphrase" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(confirmIdentity(actor, { password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { code: expect.any(Array) },
    });
    await expect(confirmIdentity(actor, { password: "wrong", code: freshCode(secret) })).rejects.toMatchObject({
      fieldErrors: { password: expect.any(Array) },
    });
    await confirmIdentity(actor, { password: TEST_PASSWORD, code: freshCode(secret) });
    await expect(changePassword(actor, { newPassword: "another good passphrase" })).resolves.toBeUndefined();
  });

  it("replaces recovery codes only after a fresh confirmation", async () => {
    const { actor, secret, recoveryCodes } = await enrolledStaff();
    await expect(regenerateRecoveryCodes(actor)).rejects.toMatchObject({ code: "forbidden" });
    await confirmIdentity(actor, { password: TEST_PASSWORD, code: freshCode(secret) });
    const fresh = await regenerateRecoveryCodes(actor);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    expect(await db.mfaRecoveryCode.count({ where: { userId: actor.userId } })).toBe(10);
  });

  it("an admin (after confirming themself) resets a colleague's authenticator: their sessions end and they enrol again", async () => {
    const admin = await enrolledStaff("admin");
    const colleague = await createUser(admin.clinic.id, "therapist");
    const pending = await passwordStep(colleague.email);
    const { secret } = await beginEnrolment(pending);
    await completeEnrolment(pending, { code: totpCode(secret, Date.now()) }, origin());

    await expect(resetStaffMfa(admin.actor, { userId: colleague.id })).rejects.toMatchObject({ code: "forbidden" });
    await confirmIdentity(admin.actor, { password: TEST_PASSWORD, code: freshCode(admin.secret) });
    await resetStaffMfa(admin.actor, { userId: colleague.id });
    expect(await resumeSession(pending.sessionId, origin())).toEqual({ ended: "credentials_changed" });
    expect(await passwordStep(colleague.email)).toMatchObject({ enrolled: false });
    expect(await db.mfaRecoveryCode.count({ where: { userId: colleague.id } })).toBe(0);
  });
});
