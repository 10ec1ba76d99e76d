import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { WAITLIST_SETTING_LIMITS, type WaitlistSettings } from "./waitlist-settings-rules";

const wholeIn = (limits: { min: number; max: number }, message: string) =>
  z.coerce.number({ error: message }).int(message).min(limits.min, message).max(limits.max, message);

const { offersAtOnce, holdMinutes } = WAITLIST_SETTING_LIMITS;

export const waitlistSettingsSchema = z.object({
  offersAtOnce: wholeIn(
    offersAtOnce,
    `Offer a time to between ${offersAtOnce.min} and ${offersAtOnce.max} patients at once (a whole number).`,
  ),
  holdMinutes: wholeIn(
    holdMinutes,
    `Hold each offer for between ${holdMinutes.min} and ${holdMinutes.max} minutes (a whole number).`,
  ),
});

/** The clinic's waitlist offer settings (3 at once, held 15 minutes, until an admin saves others). */
export async function getWaitlistSettings(actor: Actor): Promise<WaitlistSettings> {
  await assertCan(actor, "clinic:configure");
  const row = await db.bookingSettings.findUnique({
    where: { clinicId: actor.clinicId },
    select: { waitlistOffersAtOnce: true, waitlistHoldMinutes: true },
  });
  return row
    ? { offersAtOnce: row.waitlistOffersAtOnce, holdMinutes: row.waitlistHoldMinutes }
    : { offersAtOnce: 3, holdMinutes: 15 };
}

/**
 * Saves them; the offer pass uses them from its next run. Offers already out
 * keep the hold they were sent with: their links already say until when.
 */
export async function updateWaitlistSettings(actor: Actor, input: unknown): Promise<WaitlistSettings> {
  await assertCan(actor, "clinic:configure");
  const data = parseInput(waitlistSettingsSchema, input);
  const columns = { waitlistOffersAtOnce: data.offersAtOnce, waitlistHoldMinutes: data.holdMinutes };
  return db.$transaction(async (tx) => {
    // A clinic without a saved row gets one with the column defaults, which are the booking defaults.
    await tx.bookingSettings.upsert({
      where: { clinicId: actor.clinicId },
      create: { clinicId: actor.clinicId, ...columns },
      update: columns,
    });
    await recordAudit(actor, { action: "waitlist_settings.update", recordType: "BookingSettings", details: data }, tx);
    return data;
  });
}
