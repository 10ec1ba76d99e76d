import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { todayIn } from "@/lib/time/calendar-rules";
import { dateColumnOf, localDateOfDateColumn } from "@/lib/time/date-column";
import { parseInput } from "@/lib/validation";
import { dischargedMessage, findEpisodeRow } from "./episode-view";
import { episodeStatusChangeSchema, INT4_MAX } from "./schema";

const invalid = (field: string, message: string) =>
  new AppError("validation", "Some answers need another look.", { [field]: [message] });

/**
 * Hold, resume, record a re-evaluation, or discharge. Each is one conditional
 * update on the status it starts from, so of two discharges at once one wins
 * and the other is told the episode is already discharged (409); a discharged
 * episode changes no more.
 */
export async function changeEpisodeStatus(actor: Actor, episodeId: unknown, input: unknown, now = new Date()) {
  await assertCan(actor, "episode:write");
  const row = await findEpisodeRow(actor, episodeId);
  const change = parseInput(episodeStatusChangeSchema, input);
  // Discharged is final: say so before any date check, which would only distract from it.
  if (row.status === "discharged") throw new AppError("conflict", dischargedMessage(row.dischargedOn));
  const { timeZone } = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { timeZone: true } });
  const today = todayIn(timeZone, now);
  const startDate = localDateOfDateColumn(row.startDate);
  let from: Prisma.EpisodeWhereInput["status"];
  let data: Prisma.EpisodeUpdateManyMutationInput;
  switch (change.action) {
    case "hold":
      from = "active";
      data = { status: "on_hold" };
      break;
    case "resume":
      from = "on_hold";
      data = { status: "active" };
      break;
    case "reevaluated": {
      const date = change.date ?? today;
      if (date > today) throw invalid("date", "A re-evaluation cannot be recorded for a future day.");
      if (date < startDate) throw invalid("date", "The re-evaluation must be on or after the episode's start.");
      from = { in: ["active", "on_hold"] };
      data = { lastReevaluatedOn: dateColumnOf(date) };
      break;
    }
    case "discharge":
      if (!change.date || !change.reason) throw invalid("date", "Enter the discharge date.");
      if (change.date > today) throw invalid("date", "The discharge date cannot be in the future.");
      if (change.date < startDate) throw invalid("date", "The discharge must be on or after the episode's start.");
      from = { in: ["active", "on_hold"] };
      data = {
        status: "discharged",
        dischargedOn: dateColumnOf(change.date),
        dischargedAt: now,
        dischargeReason: change.reason,
        dischargeNote: change.note,
        dischargedById: actor.userId,
      };
      break;
  }
  return db.$transaction(async (tx) => {
    const changed = await tx.episode.updateMany({
      where: { id: row.id, clinicId: actor.clinicId, status: from, version: { lt: INT4_MAX } },
      data: { ...data, version: { increment: 1 } },
    });
    if (changed.count === 0) {
      const current = await tx.episode.findFirstOrThrow({
        where: { id: row.id, clinicId: actor.clinicId },
        select: { status: true, dischargedOn: true },
      });
      if (current.status === "discharged") throw new AppError("conflict", dischargedMessage(current.dischargedOn));
      throw new AppError(
        "conflict",
        current.status === "on_hold" ? "This episode is already on hold." : "This episode is not on hold.",
      );
    }
    await recordAudit(
      actor,
      {
        action: `episode.${change.action}`,
        patientId: row.patientId,
        recordType: "Episode",
        recordId: row.id,
        details: change.action === "discharge" ? { reason: change.reason, date: change.date } : {},
      },
      tx,
    );
    const after = await tx.episode.findUniqueOrThrow({
      where: { id: row.id },
      select: { status: true, version: true },
    });
    return { id: row.id, ...after };
  });
}
