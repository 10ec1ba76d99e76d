import { describe, expect, it } from "vitest";
import { SESSION_LIMITS, sessionEndReason, shouldTouch } from "@/lib/auth/session-rules";

const MIN = 60_000;
const start = new Date("2026-03-01T12:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const session = (
  over: Partial<{ lastSeenAt: Date; endedAt: Date | null; endReason: string | null; sessionVersion: number }> = {},
) => ({
  createdAt: start,
  lastSeenAt: over.lastSeenAt ?? start,
  endedAt: over.endedAt ?? null,
  endReason: over.endReason ?? null,
  sessionVersion: over.sessionVersion ?? 0,
});
const staff = { role: "therapist" as const, active: true, sessionVersion: 0 };
const patient = { role: "patient" as const, active: true, sessionVersion: 0 };

describe("sessionEndReason", () => {
  it("keeps a staff session alive just under 15 idle minutes and ends it at 15", () => {
    expect(sessionEndReason(session(), staff, at(15 * MIN - 1))).toBeNull();
    expect(sessionEndReason(session(), staff, at(15 * MIN))).toBe("idle_timeout");
  });

  it("measures idleness from the last request, not from sign-in", () => {
    const s = session({ lastSeenAt: at(60 * MIN) });
    expect(sessionEndReason(s, staff, at(74 * MIN))).toBeNull();
    expect(sessionEndReason(s, staff, at(75 * MIN))).toBe("idle_timeout");
  });

  it("ends any session 12 hours after sign-in however active it is", () => {
    const twelveHours = SESSION_LIMITS.staff.absoluteMs;
    expect(sessionEndReason(session({ lastSeenAt: at(twelveHours - MIN) }), staff, at(twelveHours - 1))).toBeNull();
    expect(sessionEndReason(session({ lastSeenAt: at(twelveHours - MIN) }), staff, at(twelveHours))).toBe("expired");
  });

  it("gives patients a longer idle limit than staff", () => {
    expect(sessionEndReason(session(), patient, at(20 * MIN))).toBeNull();
    expect(sessionEndReason(session(), staff, at(20 * MIN))).toBe("idle_timeout");
    expect(sessionEndReason(session(), patient, at(30 * MIN))).toBe("idle_timeout");
  });

  it("ends the session of a disabled user or after a password change", () => {
    expect(sessionEndReason(session(), { ...staff, active: false }, at(MIN))).toBe("user_disabled");
    expect(sessionEndReason(session(), { ...staff, sessionVersion: 1 }, at(MIN))).toBe("credentials_changed");
  });

  it("reports an already-ended session with its recorded reason", () => {
    expect(sessionEndReason(session({ endedAt: at(MIN), endReason: "signed_out" }), staff, at(2 * MIN))).toBe(
      "signed_out",
    );
  });
});

describe("shouldTouch", () => {
  it("writes lastSeenAt at most once a minute", () => {
    expect(shouldTouch({ lastSeenAt: start }, at(59_999))).toBe(false);
    expect(shouldTouch({ lastSeenAt: start }, at(60_000))).toBe(true);
  });
});
