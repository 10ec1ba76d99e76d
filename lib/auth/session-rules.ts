/**
 * When a signed-in session must end. Pure: the caller passes the stored
 * session, the user as it is now, and the clock.
 */
import type { Role } from "./permissions";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Staff limits are the (15 min idle, 12 h total); patients get a longer idle limit for reading at home. */
export const SESSION_LIMITS: Record<"staff" | "patient", { idleMs: number; absoluteMs: number }> = {
  staff: { idleMs: 15 * MINUTE, absoluteMs: 12 * HOUR },
  patient: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
};

/** Writing lastSeenAt on every request would cost a write per page; a minute's slack is harmless. */
export const TOUCH_AFTER_MS = MINUTE;

export type SessionEndReason =
  "signed_out" | "idle_timeout" | "expired" | "user_disabled" | "credentials_changed" | "revoked" | "mfa_failed";

export type StoredSession = {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  sessionVersion: number;
};
export type CurrentUser = { role: Role; active: boolean; sessionVersion: number };

function limitsFor(role: Role) {
  return role === "patient" ? SESSION_LIMITS.patient : SESSION_LIMITS.staff;
}

export function sessionEndReason(session: StoredSession, user: CurrentUser, now: Date): SessionEndReason | null {
  if (session.endedAt) return (session.endReason as SessionEndReason | null) ?? "revoked";
  if (!user.active) return "user_disabled";
  if (user.sessionVersion !== session.sessionVersion) return "credentials_changed";
  const limits = limitsFor(user.role);
  if (now.getTime() - session.createdAt.getTime() >= limits.absoluteMs) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return "idle_timeout";
  return null;
}

export function shouldTouch(session: Pick<StoredSession, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS;
}
