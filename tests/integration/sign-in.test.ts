import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { WRONG_CREDENTIALS } from "@/lib/auth/throttle-rules";
import { db } from "@/lib/db";
import { createClinic, createUser, TEST_PASSWORD } from "../factories";

let ipCounter = 0;
const origin = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest" });

describe("signInWithPassword", () => {
  it("signs in with the right password, opens a session and audits it", async () => {
    const clinic = await createClinic();
    const user = await createUser(clinic.id, "therapist");
    const result = await signInWithPassword({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, origin());
    expect(result.userId).toBe(user.id);
    const session = await db.authSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ userId: user.id, clinicId: clinic.id, endedAt: null });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.sign_in" } })).toBe(1);
  });

  it("gives the same answer for an unknown email, a wrong password and a disabled account", async () => {
    const clinic = await createClinic();
    const user = await createUser(clinic.id, "front_desk");
    const disabled = await createUser(clinic.id, "front_desk", { active: false });
    const attempts = [
      () => signInWithPassword({ email: "nobody@test.example", password: TEST_PASSWORD }, origin()),
      () => signInWithPassword({ email: user.email, password: "wrong password" }, origin()),
      () => signInWithPassword({ email: disabled.email, password: TEST_PASSWORD }, origin()),
    ];
    for (const attempt of attempts)
      await expect(attempt()).rejects.toMatchObject({ code: "unauthenticated", message: WRONG_CREDENTIALS });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed" } })).toBe(3);
  });

  it("refuses the 6th attempt after 5 wrong passwords in a row, even with the right password", async () => {
    const clinic = await createClinic();
    const user = await createUser(clinic.id, "admin");
    for (let i = 0; i < 5; i++) {
      await expect(signInWithPassword({ email: user.email, password: `wrong-${i}` }, origin())).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    await expect(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, origin())).rejects.toMatchObject({
      code: "rate_limited",
      message: "Too many sign-in attempts. Try again in 15 minutes.",
    });
  });

  it("locks an unknown email the same way, so locking reveals nothing", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(signInWithPassword({ email: "ghost@test.example", password: "x" }, origin())).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    await expect(signInWithPassword({ email: "ghost@test.example", password: "x" }, origin())).rejects.toMatchObject({
      code: "rate_limited",
    });
  });

  it("starts counting again after a successful sign-in", async () => {
    const clinic = await createClinic();
    const user = await createUser(clinic.id, "therapist");
    for (let i = 0; i < 4; i++)
      await expect(signInWithPassword({ email: user.email, password: "nope" }, origin())).rejects.toThrow();
    await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, origin());
    for (let i = 0; i < 4; i++)
      await expect(signInWithPassword({ email: user.email, password: "nope" }, origin())).rejects.toMatchObject({
        code: "unauthenticated",
      });
    await expect(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, origin())).resolves.toMatchObject({
      userId: user.id,
    });
  });

  it("throttles one address trying many accounts", async () => {
    const ip = { ip: "192.0.2.250", userAgent: "vitest" };
    for (let i = 0; i < 30; i++) {
      await expect(signInWithPassword({ email: `spray-${i}@test.example`, password: "x" }, ip)).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    await expect(signInWithPassword({ email: "spray-new@test.example", password: "x" }, ip)).rejects.toMatchObject({
      code: "rate_limited",
    });
    // Another address is unaffected.
    await expect(
      signInWithPassword({ email: "spray-new@test.example", password: "x" }, origin()),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("rejects malformed input with a 422, not a crash", async () => {
    await expect(signInWithPassword({ email: 42, password: ["x"] }, origin())).rejects.toMatchObject({
      code: "validation",
    });
    await expect(signInWithPassword(undefined, origin())).rejects.toMatchObject({ code: "validation" });
  });
});
