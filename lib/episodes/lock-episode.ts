import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dischargedMessage } from "./episode-view";

/**
 * Takes the episode's row lock for the rest of the transaction and refuses a
 * discharged episode: a change racing a discharge waits for it, then sees it.
 */
export async function lockEditableEpisode(tx: Tx, clinicId: string, episodeId: string) {
  const rows = await tx.$queryRaw<{ status: string; dischargedOn: Date | null; version: number }[]>`
    SELECT "status"::text AS "status", "dischargedOn", "version"
    FROM "Episode" WHERE "id" = ${episodeId}::uuid AND "clinicId" = ${clinicId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", "That episode was not found.");
  if (row.status === "discharged") throw new AppError("conflict", dischargedMessage(row.dischargedOn));
  return row;
}
