import { describe, expect, it } from "vitest";
import { resetThrottledMessage } from "@/lib/accounts/reset-throttle-rules";
import { ACCOUNT_TOKEN_PATTERN, acceptInvitationSchema, inviteStaffSchema } from "@/lib/accounts/schema";
import { linkProblemPage, tokenExpiry, tokenState, TOKEN_LIFETIME_MS } from "@/lib/accounts/token-rules";

const now = new Date("2026-03-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("account link lifetimes", () => {
  it("gives invitations 72 hours and a password reset 30 minutes", () => {
    expect(tokenExpiry("staff_invitation", now)).toEqual(at(72 * 3_600_000));
    expect(tokenExpiry("portal_invitation", now)).toEqual(at(72 * 3_600_000));
    expect(tokenExpiry("password_reset", now)).toEqual(at(30 * 60_000));
    expect(TOKEN_LIFETIME_MS.password_reset).toBeLessThan(TOKEN_LIFETIME_MS.staff_invitation);
  });
});

describe("tokenState", () => {
  const live = { usedAt: null, revokedAt: null, expiresAt: at(60_000) };

  it("is active until the expiry instant, and expired from it on", () => {
    expect(tokenState(live, now)).toBe("active");
    expect(tokenState(live, at(59_999))).toBe("active");
    expect(tokenState(live, at(60_000))).toBe("expired");
  });

  it("says used or revoked before expired, and used before revoked", () => {
    expect(tokenState({ ...live, revokedAt: now }, now)).toBe("revoked");
    expect(tokenState({ ...live, usedAt: now }, now)).toBe("used");
    expect(tokenState({ ...live, usedAt: now, revokedAt: now }, at(120_000))).toBe("used");
    expect(tokenState({ ...live, revokedAt: now }, at(120_000))).toBe("revoked");
  });
});

describe("what a dead link's page says", () => {
  it("sends a reset link's holder to request a new one, and an invitee to their clinic", () => {
    expect(linkProblemPage("password_reset", "expired").next?.href).toBe("/forgot-password");
    expect(linkProblemPage("password_reset", "revoked").next?.href).toBe("/forgot-password");
    expect(linkProblemPage("password_reset", "used").next?.href).toBe("/sign-in");
    expect(linkProblemPage("staff_invitation", "expired").text).toMatch(/Ask your clinic/);
    expect(linkProblemPage("portal_invitation", "revoked").text).toMatch(/Ask your clinic/);
    expect(linkProblemPage("staff_invitation", "used").next?.href).toBe("/sign-in");
    expect(linkProblemPage(null, "unknown").title).toMatch(/could not find/);
  });

  it("has a distinct title for each problem of a purpose", () => {
    for (const purpose of ["staff_invitation", "password_reset"] as const) {
      const titles = (["used", "expired", "revoked"] as const).map((p) => linkProblemPage(purpose, p).title);
      expect(new Set(titles).size, purpose).toBe(3);
    }
  });
});

describe("reset throttling wording", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect(resetThrottledMessage(1)).toMatch(/1 minute\.$/);
    expect(resetThrottledMessage(61_000)).toMatch(/2 minutes\.$/);
  });
});

describe("account schemas", () => {
  it("accepts only 43-character base64url tokens", () => {
    expect(ACCOUNT_TOKEN_PATTERN.test("A".repeat(43))).toBe(true);
    expect(ACCOUNT_TOKEN_PATTERN.test("A".repeat(42))).toBe(false);
    expect(ACCOUNT_TOKEN_PATTERN.test(`${"A".repeat(42)}/`)).toBe(false);
    const bad = acceptInvitationSchema.safeParse({ token: "short", password: "short" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["password", "token"]);
  });

  it("invites staff roles only, with a lower-cased address", () => {
    expect(inviteStaffSchema.safeParse({ name: "A", email: "x@y.example", role: "patient" }).success).toBe(false);
    expect(inviteStaffSchema.parse({ name: " Robin ", email: "Robin@Clinic.Example", role: "admin" })).toEqual({
      name: "Robin",
      email: "robin@clinic.example",
      role: "admin",
    });
  });
});
