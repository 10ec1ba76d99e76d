import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestOrigin } from "@/lib/auth/actor";
import { appointmentFeedIcs } from "./appointment-ics";

/** Only the hash is stored: a database leak does not hand out working feed URLs. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function feedUrl(token: string): string {
  return `${env().APP_URL}/api/calendar-feed/${token}`;
}

function ownPatient(actor: Actor): string {
  if (!actor.patientId) throw new AppError("forbidden", "Your account is not linked to a patient record yet.");
  return actor.patientId;
}

export async function calendarFeedStatus(actor: Actor) {
  await assertCan(actor, "appointment:read:own");
  const patientId = ownPatient(actor);
  const feed = await db.calendarFeed.findFirst({
    where: { clinicId: actor.clinicId, patientId, revokedAt: null },
    select: { createdAt: true },
  });
  return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
}

/** A new secret feed URL (shown once); any earlier URL stops working at the same moment. */
export async function createCalendarFeed(actor: Actor): Promise<{ url: string }> {
  await assertCan(actor, "appointment:read:own");
  const patientId = ownPatient(actor);
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.updateMany({
      where: { clinicId: actor.clinicId, patientId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const feed = await tx.calendarFeed.create({
      data: { clinicId: actor.clinicId, patientId, tokenHash: hashToken(token) },
      select: { id: true },
    });
    await recordAudit(
      actor,
      { action: "calendar_feed.create", patientId, recordType: "CalendarFeed", recordId: feed.id },
      tx,
    );
  });
  return { url: feedUrl(token) };
}

export async function revokeCalendarFeed(actor: Actor): Promise<void> {
  await assertCan(actor, "appointment:read:own");
  const patientId = ownPatient(actor);
  await db.$transaction(async (tx) => {
    const r = await tx.calendarFeed.updateMany({
      where: { clinicId: actor.clinicId, patientId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit(actor, { action: "calendar_feed.revoke", patientId, details: { revoked: r.count } }, tx);
  });
}

/**
 * The feed behind a token, or null for an unknown or revoked one. No session:
 * the token is the credential, so every read is audited with its origin.
 */
export async function renderCalendarFeed(token: string, origin: RequestOrigin): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      clinicId: true,
      patientId: true,
      revokedAt: true,
      patient: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  if (!feed || feed.revokedAt) return null;
  const [clinic, rows] = await Promise.all([
    db.clinic.findUniqueOrThrow({
      where: { id: feed.clinicId },
      select: { name: true, address: true, email: true, phone: true, timeZone: true },
    }),
    db.appointment.findMany({
      where: {
        clinicId: feed.clinicId,
        patientId: feed.patientId,
        startsAt: { gte: new Date(Date.now() - 90 * 86_400_000) },
      },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        icsSequence: true,
        status: true,
        therapist: { select: { name: true } },
        appointmentType: { select: { name: true } },
      },
    }),
  ]);
  await recordAudit(
    { ...origin, clinicId: feed.clinicId, role: "calendar_feed" },
    { action: "calendar_feed.read", patientId: feed.patientId, recordType: "CalendarFeed", recordId: feed.id },
  );
  return appointmentFeedIcs(
    rows
      .filter((r) => r.status !== "no_show")
      .map((r) => ({
        id: r.id,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        icsSequence: r.icsSequence,
        cancelled: r.status === "cancelled",
        summary: `${r.appointmentType.name} at ${clinic.name}`,
        description: `${r.appointmentType.name} with ${r.therapist.name}. Call ${clinic.phone} to change it.`,
        patientName: `${feed.patient.firstName} ${feed.patient.lastName}`,
        patientEmail: feed.patient.email,
      })),
    clinic,
    `${clinic.name} appointments`,
  );
}
