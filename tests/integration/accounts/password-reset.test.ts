import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { completePasswordReset } from "@/lib/accounts/complete-password-reset";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { RESET_ADDRESS_LIMIT, RESET_IP_LIMIT, RESET_REQUESTED_MESSAGE } from "@/lib/accounts/reset-throttle-rules";
import { verifyPassword } from "@/lib/auth/password";
import { resumeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createClinic, createUser, TEST_PASSWORD } from "../../factories";
import { sha256, tokenFromMail } from "./helpers";

const NEW_PASSWORD = "a fresh reset passphrase";
/** Each test its own client address, so the per-IP allowance of one test does not spill into another. */
const originFor = () => {
  const [a, b, c] = randomBytes(3);
  return { ip: `10.${a}.${b}.${c}`, userAgent: "vitest" };
};

async function account(role: "patient" | "therapist" = "patient", active = true) {
  const clinic = await createClinic();
  return createUser(clinic.id, role, { active });
}

const passwordHashOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash!;

describe("password reset", () => {
  it("gives the same answer for a known and an unknown address; only the known one gets a 30-minute link, stored hashed", async () => {
    const origin = originFor();
    const user = await account();
    const unknown = `nobody-${randomBytes(4).toString("hex")}@test.example`;
    const known = await requestPasswordReset({ email: user.email.toUpperCase() }, origin);
    const other = await requestPasswordReset({ email: unknown }, origin);
    expect(known).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(other).toEqual(known);
    const token = await tokenFromMail(user.email, "account.password_reset");
    const row = await db.accountToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row).toMatchObject({ purpose: "password_reset", userId: user.id, clinicId: user.clinicId });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60_000);
    expect(await db.outboxMessage.count({ where: { toAddress: unknown } })).toBe(0);
    // Both audited; the unknown one names no clinic, no user and not the address typed.
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.password_reset_request", outcome: "denied", ip: origin.ip },
    });
    expect(denied).toMatchObject({ clinicId: null, actorId: null, patientId: null, recordId: null });
    expect(JSON.stringify(denied.details)).toBe(JSON.stringify({ reason: "unknown_address" }));
    expect(
      await db.auditEvent.count({
        where: { action: "auth.password_reset_request", outcome: "allowed", recordId: user.id },
      }),
    ).toBe(1);
  });

  it("sets the new password once, ends every session, retires the other reset links and mails a notice", async () => {
    const origin = originFor();
    const user = await account("patient");
    const { sessionId } = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, origin);
    expect(await resumeSession(sessionId, origin)).toHaveProperty("actor");
    await requestPasswordReset({ email: user.email }, origin);
    const older = await tokenFromMail(user.email, "account.password_reset");
    await requestPasswordReset({ email: user.email }, origin);
    const newer = await tokenFromMail(user.email, "account.password_reset");
    expect(newer).not.toBe(older);

    expect(await completePasswordReset({ token: newer, password: NEW_PASSWORD }, origin)).toEqual({ role: "patient" });
    expect(await verifyPassword(await passwordHashOf(user.id), NEW_PASSWORD)).toBe(true);
    expect(await resumeSession(sessionId, origin)).toEqual({ ended: "credentials_changed" });
    await expect(
      completePasswordReset({ token: newer, password: "yet another passphrase" }, origin),
    ).rejects.toMatchObject({ code: "gone", message: expect.stringContaining("already used") });
    await expect(
      completePasswordReset({ token: older, password: "yet another passphrase" }, origin),
    ).rejects.toMatchObject({ code: "gone" });
    expect(await verifyPassword(await passwordHashOf(user.id), NEW_PASSWORD)).toBe(true);
    expect(await db.outboxMessage.count({ where: { toAddress: user.email, kind: "account.password_changed" } })).toBe(
      1,
    );
    expect(await db.auditEvent.count({ where: { action: "auth.password_reset", recordId: user.id } })).toBe(1);
    // And the new password signs in.
    await expect(signInWithPassword({ email: user.email, password: NEW_PASSWORD }, origin)).resolves.toHaveProperty(
      "sessionId",
    );
  });

  it("a reset link expires after 30 minutes", async () => {
    const origin = originFor();
    const user = await account();
    await requestPasswordReset({ email: user.email }, origin);
    const token = await tokenFromMail(user.email, "account.password_reset");
    const later = new Date(Date.now() + 31 * 60_000);
    await expect(completePasswordReset({ token, password: NEW_PASSWORD }, origin, later)).rejects.toMatchObject({
      code: "gone",
      message: expect.stringContaining("expired"),
    });
    expect(await verifyPassword(await passwordHashOf(user.id), TEST_PASSWORD)).toBe(true);
  });

  it("staff keep their second step: the reset leaves MFA enrolled and signs nobody in", async () => {
    const origin = originFor();
    const user = await account("therapist");
    await db.user.update({ where: { id: user.id }, data: { mfaEnabledAt: new Date(), mfaSecret: "sealed" } });
    await requestPasswordReset({ email: user.email }, origin);
    const token = await tokenFromMail(user.email, "account.password_reset");
    await completePasswordReset({ token, password: NEW_PASSWORD }, origin);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabledAt).not.toBeNull();
    const { sessionId } = await signInWithPassword({ email: user.email, password: NEW_PASSWORD }, origin);
    expect(await resumeSession(sessionId, origin)).toMatchObject({ mfaPending: { enrolled: true } });
  });

  it("a disabled account gets no link (and the same answer); a link sent before disabling stops working", async () => {
    const origin = originFor();
    const user = await account("therapist");
    await requestPasswordReset({ email: user.email }, origin);
    const token = await tokenFromMail(user.email, "account.password_reset");
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await requestPasswordReset({ email: user.email }, origin)).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(await db.outboxMessage.count({ where: { toAddress: user.email, kind: "account.password_reset" } })).toBe(1);
    await expect(completePasswordReset({ token, password: NEW_PASSWORD }, origin)).rejects.toMatchObject({
      code: "gone",
      message: expect.stringContaining("disabled"),
    });
    expect(await verifyPassword(await passwordHashOf(user.id), TEST_PASSWORD)).toBe(true);
  });

  it("the same link used twice at once: one reset", async () => {
    const origin = originFor();
    const user = await account();
    await requestPasswordReset({ email: user.email }, origin);
    const token = await tokenFromMail(user.email, "account.password_reset");
    const results = await Promise.allSettled([
      completePasswordReset({ token, password: "first racing passphrase" }, origin),
      completePasswordReset({ token, password: "second racing passphrase" }, origin),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "auth.password_reset", recordId: user.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("throttles per address, whether or not it has an account, without telling which", async () => {
    const user = await account();
    const unknown = `nobody-${randomBytes(4).toString("hex")}@test.example`;
    for (const email of [user.email, unknown]) {
      // Each request from a different client: only the address limit is in play.
      for (let i = 0; i < RESET_ADDRESS_LIMIT; i++) await requestPasswordReset({ email }, originFor());
      await expect(requestPasswordReset({ email }, originFor())).rejects.toMatchObject({
        code: "rate_limited",
        message: expect.stringMatching(/^Too many password reset requests/),
      });
    }
    expect(await db.outboxMessage.count({ where: { toAddress: user.email } })).toBe(RESET_ADDRESS_LIMIT);
  });

  it("throttles per client address across many email addresses", async () => {
    const origin = originFor();
    for (let i = 0; i < RESET_IP_LIMIT; i++)
      await requestPasswordReset({ email: `probe-${i}-${randomBytes(3).toString("hex")}@test.example` }, origin);
    await expect(requestPasswordReset({ email: "one-more@test.example" }, origin)).rejects.toMatchObject({
      code: "rate_limited",
    });
    // Another client is not affected.
    await expect(requestPasswordReset({ email: "one-more@test.example" }, originFor())).resolves.toBeDefined();
  });

  it("bad input is a 422 with field errors, before anything is counted or sent", async () => {
    await expect(requestPasswordReset({ email: "not an address" }, originFor())).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { email: expect.any(Array) },
    });
    await expect(completePasswordReset({ token: "abc", password: "short" }, originFor())).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { token: expect.any(Array), password: expect.any(Array) },
    });
    await expect(
      completePasswordReset({ token: "Q".repeat(43), password: NEW_PASSWORD }, originFor()),
    ).rejects.toMatchObject({ code: "gone" });
  });
});
