import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { clinicClock } from "./program-access";
import { dateColumnOf } from "@/lib/time/date-column";
import { endProgramSchema } from "./schema";
import { z } from "zod";

/** Ends a program today (clinic time). Its history stays; the patient can then be given a new one. */
export async function endProgram(actor: Actor, programId: string, input: unknown, options: { now?: Date } = {}) {
  await assertCan(actor, "program:write");
  if (!z.uuid().safeParse(programId).success) throw notFound("That program");
  const { baseVersion } = parseInput(endProgramSchema, input);
  const program = await db.program.findFirst({
    where: { id: programId, clinicId: actor.clinicId },
    select: { patientId: true, status: true },
  });
  if (!program) throw notFound("That program");
  if (program.status === "ended") throw new AppError("conflict", "This program has already been ended.");
  const clock = await clinicClock(actor.clinicId, options.now);
  await db.$transaction(async (tx) => {
    const ended = await tx.program.updateMany({
      where: { id: programId, status: "active", currentVersion: baseVersion },
      data: { status: "ended", endedOn: dateColumnOf(clock.today), endedAt: clock.now },
    });
    if (ended.count !== 1)
      throw new AppError("conflict", "This program changed while you were looking at it. Reload and try again.");
    await recordAudit(
      actor,
      { action: "program.end", patientId: program.patientId, recordType: "Program", recordId: programId },
      tx,
    );
  });
}
