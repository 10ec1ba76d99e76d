import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Db, type Tx } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import type { ReevaluationRule } from "./reevaluation-rules";
import { DEFAULT_EPISODE_SETTINGS, EPISODE_SETTING_LIMITS, type EpisodeSettingsValues } from "./episode-settings-rules";

const wholeIn = (limits: { min: number; max: number }, message: string) =>
  z.coerce.number({ error: message }).int(message).min(limits.min, message).max(limits.max, message);

const { reevalEveryVisits, reevalEveryDays } = EPISODE_SETTING_LIMITS;

export const episodeSettingsSchema = z.object({
  reevalEveryVisits: wholeIn(
    reevalEveryVisits,
    `Re-evaluate every ${reevalEveryVisits.min} to ${reevalEveryVisits.max} visits (a whole number).`,
  ),
  reevalEveryDays: wholeIn(
    reevalEveryDays,
    `Re-evaluate every ${reevalEveryDays.min} to ${reevalEveryDays.max} days (a whole number).`,
  ),
});

/**
 * The clinic's re-evaluation rule for the follow-up list and the episode
 * screens. Internal (no Actor): callers have authorised the actor for the clinic.
 */
export async function loadReevaluationRule(client: Db | Tx, clinicId: string): Promise<ReevaluationRule> {
  const row = await client.episodeSettings.findUnique({
    where: { clinicId },
    select: { reevalEveryVisits: true, reevalEveryDays: true },
  });
  const values = row ?? DEFAULT_EPISODE_SETTINGS;
  return { everyVisits: values.reevalEveryVisits, everyDays: values.reevalEveryDays };
}

/** The clinic's episode settings (every 10 visits or 30 days until an admin saves others). */
export async function getEpisodeSettings(actor: Actor): Promise<EpisodeSettingsValues & { isDefault: boolean }> {
  await assertCan(actor, "clinic:configure");
  const row = await db.episodeSettings.findUnique({
    where: { clinicId: actor.clinicId },
    select: { reevalEveryVisits: true, reevalEveryDays: true },
  });
  return row ? { ...row, isDefault: false } : { ...DEFAULT_EPISODE_SETTINGS, isDefault: true };
}

/** Saves them; the follow-up list and episode pages use them from the next read. */
export async function updateEpisodeSettings(actor: Actor, input: unknown): Promise<EpisodeSettingsValues> {
  await assertCan(actor, "clinic:configure");
  const data = parseInput(episodeSettingsSchema, input);
  return db.$transaction(async (tx) => {
    await tx.episodeSettings.upsert({
      where: { clinicId: actor.clinicId },
      create: { clinicId: actor.clinicId, ...data },
      update: data,
    });
    await recordAudit(actor, { action: "episode_settings.update", recordType: "EpisodeSettings", details: data }, tx);
    return data;
  });
}
