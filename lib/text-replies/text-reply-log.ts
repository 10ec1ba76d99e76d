import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { handleInboundText, type InboundResult } from "./handle-inbound-text";
import { simulateReplySchema } from "./schema";

/** The clinic's received texts and what each did (development page, admin, like the mailbox). */
export async function listInboundTexts(actor: Actor, take = 50) {
  await assertCan(actor, "mailbox:read");
  const rows = await db.inboundText.findMany({
    where: { clinicId: actor.clinicId },
    orderBy: { receivedAt: "desc" },
    take,
    select: {
      id: true,
      fromNumber: true,
      body: true,
      keyword: true,
      outcome: true,
      receivedAt: true,
      patient: { select: { firstName: true, lastName: true } },
      appointment: { select: { startsAt: true } },
    },
  });
  await recordAudit(actor, { action: "text_reply.list", details: { count: rows.length } });
  return rows;
}

/**
 * A reply "from" a phone number, without a provider: the same handling as
 * the webhook, limited to the admin's own clinic's patients. Refused once a
 * provider is configured, when replies come from real phones only.
 */
export async function simulateInboundText(actor: Actor, input: unknown): Promise<InboundResult> {
  await assertCan(actor, "mailbox:read");
  if (env().TWILIO_AUTH_TOKEN)
    throw new AppError("forbidden", "A text provider is configured: replies come from patients' phones only.");
  const { from, body } = parseInput(simulateReplySchema, input);
  const result = await handleInboundText(
    { messageSid: `SM${randomBytes(16).toString("hex")}`, from, to: "development", body },
    { origin: { ip: actor.ip, userAgent: actor.userAgent }, onlyClinicId: actor.clinicId },
  );
  // The patient's own audit rows say what the reply did; this one says who typed it.
  if (!result.duplicate)
    await recordAudit(actor, {
      action: "text_reply.simulate",
      recordType: "InboundText",
      recordId: result.inboundTextId,
    });
  return result;
}
