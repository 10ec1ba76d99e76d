import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dateColumnOf } from "@/lib/time/date-column";
import { parseInput } from "@/lib/validation";
import { findEpisodeRow } from "./episode-view";
import { lockEditableEpisode } from "./lock-episode";
import { INT4_MAX, updateEpisodePlanSchema } from "./schema";

export const STALE_PLAN_MESSAGE =
  "Someone else changed this episode while you were editing. Reload the page to see it.";

/**
 * Edits the plan of care (reason, code, goals, frequency, dates). Compare-and-
 * set on the version the form was loaded with; a discharged episode is never
 * edited (open a new one).
 */
export async function updateEpisodePlan(actor: Actor, episodeId: unknown, input: unknown) {
  await assertCan(actor, "episode:write");
  const row = await findEpisodeRow(actor, episodeId);
  const data = parseInput(updateEpisodePlanSchema, input);
  return db.$transaction(async (tx) => {
    const locked = await lockEditableEpisode(tx, actor.clinicId, row.id);
    if (locked.version !== data.expectedVersion) throw new AppError("conflict", STALE_PLAN_MESSAGE);
    const version = Math.min(locked.version + 1, INT4_MAX);
    await tx.episode.update({
      where: { id: row.id },
      data: {
        reason: data.reason,
        icd10Code: data.icd10Code,
        goals: data.goals,
        visitsPerWeek: data.visitsPerWeek,
        weeks: data.weeks,
        startDate: dateColumnOf(data.startDate),
        plannedEndDate: dateColumnOf(data.plannedEndDate),
        version,
      },
    });
    await recordAudit(
      actor,
      {
        action: "episode.plan",
        patientId: row.patientId,
        recordType: "Episode",
        recordId: row.id,
        details: { version },
      },
      tx,
    );
    return { id: row.id, version };
  });
}
