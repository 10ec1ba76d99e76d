import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { enqueueMessages } from "@/lib/notifications/enqueue-message";
import { formatShortLocalDay } from "@/lib/time/format";
import { parseInput } from "@/lib/validation";
import { messageClinicSelect, messagePatientSelect } from "@/lib/notifications/message-recipient";
import { followUpMessages } from "./follow-up-messages";
import { nextReminderAllowedAt, REMIND_EVERY_DAYS } from "./follow-up-rules";

const inputSchema = z.object({ episodeId: z.uuid({ error: "Choose an episode." }) });

export type Reminded = { remindedAt: string; channels: ("email" | "sms")[] };

/**
 * Takes the episode's reminder clock: sets lastNudgedAt to `now` only if no
 * reminder (manual or automatic) went in the last 7 days. A conditional
 * UPDATE, so of two servers or two clicks only one gets the row (the other
 * waits on its lock, then sees the new time and matches nothing). Internal.
 */
export async function claimReminder(tx: Tx, clinicId: string, episodeId: string, now: Date): Promise<boolean> {
  const weekAgo = new Date(now.getTime() - REMIND_EVERY_DAYS * 86_400_000);
  const claimed = await tx.episode.updateMany({
    where: {
      id: episodeId,
      clinicId,
      status: "active",
      OR: [{ lastNudgedAt: null }, { lastNudgedAt: { lt: weekAgo } }],
    },
    data: { lastNudgedAt: now },
  });
  return claimed.count === 1;
}

/**
 * The front desk's "Remind": sends the patient "please book your next visit"
 * by their channels, audited. A second reminder within 7 days of the last one
 * (this button's or the automatic nudge's) is refused with when the next may go.
 */
export async function remindFollowUp(actor: Actor, input: unknown, options: { now?: Date } = {}): Promise<Reminded> {
  await assertCan(actor, "follow-up:manage");
  const { episodeId } = parseInput(inputSchema, input);
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const episode = await tx.episode.findFirst({
      where: { id: episodeId, clinicId: actor.clinicId },
      select: { id: true, status: true, patient: { select: messagePatientSelect } },
    });
    if (!episode) throw notFound("That episode");
    if (episode.status !== "active")
      throw new AppError(
        "conflict",
        "Only an active episode's patient is reminded; this one is on hold or discharged.",
      );
    const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: messageClinicSelect });
    const messages = followUpMessages({ patient: episode.patient, clinic, episodeId }, now);
    if (messages.length === 0)
      throw new AppError(
        "conflict",
        "This patient has no email address and no number that may be texted: call them instead.",
      );
    if (!(await claimReminder(tx, actor.clinicId, episodeId, now))) {
      const { lastNudgedAt } = await tx.episode.findUniqueOrThrow({
        where: { id: episodeId },
        select: { lastNudgedAt: true },
      });
      const last = lastNudgedAt ?? now;
      const next = nextReminderAllowedAt(last)!;
      throw new AppError(
        "conflict",
        `Reminded on ${formatShortLocalDay(last, clinic.timeZone)}; next possible ${formatShortLocalDay(next, clinic.timeZone)}.`,
        undefined,
        { lastRemindedAt: last.toISOString(), remindAllowedFrom: next.toISOString() },
      );
    }
    await enqueueMessages(tx, messages);
    const channels = messages.map((m) => m.channel ?? "email");
    await recordAudit(
      actor,
      {
        action: "follow_up.remind",
        patientId: episode.patient.id,
        recordType: "Episode",
        recordId: episodeId,
        details: { channels },
      },
      tx,
    );
    return { remindedAt: now.toISOString(), channels };
  });
}
