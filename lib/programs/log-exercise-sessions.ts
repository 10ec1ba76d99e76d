import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, forbidden, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { clinicClock } from "./program-access";
import { localDateOf } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";
import { logBatchSchema } from "./schema";

/** How far the patient's clock may run ahead of ours, and how long an offline log may wait to be sent. */
export const LOG_CLOCK_SKEW_MS = 10 * 60_000;
export const LOG_MAX_AGE_MS = 30 * 24 * 60 * 60_000;

export type LogResult = { clientKey: string; id: string; status: "created" | "duplicate" };

/**
 * Stores the patient's session logs, as sent live or replayed from the
 * offline queue. Idempotent per `clientKey` (unique with the patient): a
 * retry or a second replay returns the stored log as "duplicate" and stores
 * nothing. A batch is all or nothing: one invalid log refuses the batch with
 * field errors under `logs.<n>`, so the device can set that one aside and
 * resend the rest.
 */
export async function logExerciseSessions(
  actor: Actor,
  input: unknown,
  options: { now?: Date } = {},
): Promise<LogResult[]> {
  await assertCan(actor, "exercise-log:write:own");
  const patientId = actor.patientId;
  if (!patientId) throw forbidden("Your account is not linked to a patient record.");
  const { logs } = parseInput(logBatchSchema, input);
  const clock = await clinicClock(actor.clinicId, options.now);
  const items = await db.programItem.findMany({
    where: {
      id: { in: [...new Set(logs.map((l) => l.itemId))] },
      clinicId: actor.clinicId,
      version: { program: { patientId } },
    },
    select: { id: true, exerciseId: true, versionId: true, version: { select: { programId: true } } },
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  const errors: FieldErrors = {};
  const nowMs = clock.now.getTime();
  logs.forEach((log, i) => {
    if (!byId.has(log.itemId)) errors[`logs.${i}.itemId`] = ["This exercise is not in your program."];
    const at = new Date(log.performedAt).getTime();
    if (at > nowMs + LOG_CLOCK_SKEW_MS)
      errors[`logs.${i}.performedAt`] = ["That time is in the future. Check the clock on your phone."];
    if (at < nowMs - LOG_MAX_AGE_MS)
      errors[`logs.${i}.performedAt`] = ["This log is more than 30 days old, so it cannot be added."];
  });
  if (Object.keys(errors).length) throw new AppError("validation", "Some logs need another look.", errors);

  const rows = logs.map((log) => {
    const item = byId.get(log.itemId)!;
    const performedAt = new Date(log.performedAt);
    return {
      clinicId: actor.clinicId,
      patientId,
      programId: item.version.programId,
      versionId: item.versionId,
      itemId: item.id,
      exerciseId: item.exerciseId,
      clientKey: log.clientKey,
      completed: log.completed,
      performedAt,
      localDate: dateColumnOf(localDateOf(performedAt, clock.timeZone)),
      setsDone: log.setsDone,
      repsDone: log.repsDone,
      holdSecondsDone: log.holdSecondsDone,
      minutesDone: log.minutesDone,
      painBefore: log.painBefore,
      painAfter: log.painAfter,
      difficulty: log.difficulty,
      note: log.note ?? null,
    };
  });
  return db.$transaction(async (tx) => {
    const created = await tx.exerciseLog.createManyAndReturn({
      data: rows,
      skipDuplicates: true,
      select: { id: true, clientKey: true },
    });
    const createdKeys = new Map(created.map((c) => [c.clientKey, c.id]));
    const duplicateKeys = rows.map((r) => r.clientKey).filter((k) => !createdKeys.has(k));
    const existing = duplicateKeys.length
      ? await tx.exerciseLog.findMany({
          where: { patientId, clientKey: { in: duplicateKeys } },
          select: { id: true, clientKey: true },
        })
      : [];
    const existingKeys = new Map(existing.map((e) => [e.clientKey, e.id]));
    await recordAudit(
      actor,
      {
        action: "exercise_log.create",
        patientId,
        recordType: "ExerciseLog",
        details: { received: rows.length, stored: created.length },
      },
      tx,
    );
    return rows.map((r) => ({
      clientKey: r.clientKey,
      id: createdKeys.get(r.clientKey) ?? existingKeys.get(r.clientKey)!,
      status: createdKeys.has(r.clientKey) ? ("created" as const) : ("duplicate" as const),
    }));
  });
}
