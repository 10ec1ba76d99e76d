import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { preparedRows } from "@/lib/prepared-query";
import type { Actor, RequestOrigin } from "./actor";
import { sessionEndReason, shouldTouch, type SessionEndReason } from "./session-rules";

type SessionUser = { id: string; clinicId: string; role: Actor["role"]; sessionVersion: number };

export async function startSession(user: SessionUser, origin: RequestOrigin): Promise<string> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const session = await tx.authSession.create({
      data: {
        userId: user.id,
        clinicId: user.clinicId,
        sessionVersion: user.sessionVersion,
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 500),
        createdAt: now,
        lastSeenAt: now,
        // Staff sign in with password *and* authenticator; patients with password.
        mfaRequired: user.role !== "patient",
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(
      { ...origin, clinicId: user.clinicId, actorId: user.id, role: user.role },
      { action: "auth.sign_in", recordType: "AuthSession", recordId: session.id },
      tx,
    );
    return session.id;
  });
}

/** Password accepted, second factor still to come: not an actor yet. */
export type MfaPending = { sessionId: string; userId: string; email: string; enrolled: boolean };

export type ResumedSession =
  { actor: Actor } | { mfaPending: MfaPending } | { ended: SessionEndReason } | { missing: true };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SessionRow = {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  sessionVersion: number;
  mfaRequired: boolean;
  mfaVerifiedAt: Date | null;
  userId: string;
  email: string;
  mfaEnabledAt: Date | null;
  clinicId: string;
  role: Actor["role"];
  active: boolean;
  userSessionVersion: number;
  name: string;
  patientId: string | null;
};

/**
 * Checks the session behind a next-auth token on every request: idle and
 * absolute limits, sign-out, a disabled user or a changed password end it here,
 * on the next request, whatever the cookie says.
 */
export async function resumeSession(
  sessionId: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<ResumedSession> {
  // One round trip on every signed-in request (as a Prisma include it was three, one after another),
  // kept prepared: it runs before everything else a signed-in request does (docs/decisions/105).
  if (!UUID_RE.test(sessionId)) return { missing: true };
  const [row] = await preparedRows<SessionRow>(
    "session_resume",
    Prisma.sql`
    SELECT s."createdAt", s."lastSeenAt", s."endedAt", s."endReason", s."sessionVersion",
           s."mfaRequired", s."mfaVerifiedAt",
           u.id AS "userId", u.email, u."mfaEnabledAt", u."clinicId", u.role::text AS role, u.active,
           u."sessionVersion" AS "userSessionVersion", u.name, p.id AS "patientId"
    FROM "AuthSession" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Patient" p ON p."userId" = u.id
    WHERE s.id = ${sessionId}::uuid`,
  );
  const session = row && {
    ...row,
    user: {
      id: row.userId,
      email: row.email,
      mfaEnabledAt: row.mfaEnabledAt,
      clinicId: row.clinicId,
      role: row.role,
      active: row.active,
      sessionVersion: row.userSessionVersion,
      name: row.name,
      patient: row.patientId ? { id: row.patientId } : null,
    },
  };
  if (!session) return { missing: true };
  const reason = sessionEndReason(session, session.user, now);
  if (reason) {
    if (!session.endedAt) await endSession(sessionId, reason, origin);
    return { ended: reason };
  }
  if (shouldTouch(session, now)) {
    await db.authSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  if (session.mfaRequired && !session.mfaVerifiedAt) {
    return { mfaPending: { sessionId, userId: user.id, email: user.email, enrolled: Boolean(user.mfaEnabledAt) } };
  }
  return {
    actor: {
      kind: "user",
      userId: user.id,
      role: user.role,
      clinicId: user.clinicId,
      patientId: user.patient?.id ?? null,
      name: user.name,
      sessionId,
      ip: origin.ip,
      userAgent: origin.userAgent,
    },
  };
}

/** Ends one session; idempotent (a second call changes nothing and audits nothing). */
export async function endSession(sessionId: string, reason: SessionEndReason, origin: RequestOrigin): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await tx.authSession.updateManyAndReturn({
      where: { id: sessionId, endedAt: null },
      data: { endedAt: new Date(), endReason: reason },
      select: { userId: true, clinicId: true, user: { select: { role: true } } },
    });
    const row = ended[0];
    if (!row) return;
    await recordAudit(
      { ...origin, clinicId: row.clinicId, actorId: row.userId, role: row.user.role },
      {
        action: reason === "signed_out" ? "auth.sign_out" : "auth.session_ended",
        recordType: "AuthSession",
        recordId: sessionId,
        details: { reason },
      },
      tx,
    );
  });
}
