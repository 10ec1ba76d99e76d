import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { textLength } from "./text-length-rules";

/**
 * The clinic's development text inbox, newest first, with each text's
 * segment count, and the texts still queued or failed (admin, like the
 * development mailbox). Patient names are joined in the clinic's scope.
 */
export async function listTexts(actor: Actor, take = 50) {
  await assertCan(actor, "mailbox:read");
  const [delivered, queued] = await Promise.all([
    db.devTextMessage.findMany({
      where: { clinicId: actor.clinicId },
      orderBy: { deliveredAt: "desc" },
      take,
      select: { id: true, toNumber: true, body: true, deliveredAt: true, patientId: true },
    }),
    db.outboxMessage.findMany({
      where: { clinicId: actor.clinicId, channel: "sms", status: { in: ["pending", "failed"] } },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, toAddress: true, status: true, attempts: true, nextAttemptAt: true, lastError: true },
    }),
  ]);
  const patientIds = [...new Set(delivered.map((t) => t.patientId).filter((id): id is string => Boolean(id)))];
  const patients = patientIds.length
    ? await db.patient.findMany({
        where: { clinicId: actor.clinicId, id: { in: patientIds } },
        select: { id: true, firstName: true, lastName: true },
      })
    : [];
  const nameOf = new Map(patients.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  await recordAudit(actor, { action: "texts.read", details: { delivered: delivered.length, queued: queued.length } });
  return {
    delivered: delivered.map((t) => ({
      ...t,
      patientName: t.patientId ? (nameOf.get(t.patientId) ?? null) : null,
      segments: textLength(t.body).segments,
      encoding: textLength(t.body).encoding,
    })),
    queued,
  };
}
