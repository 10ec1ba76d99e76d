import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { completeFrontDeskTaskSchema } from "./schema";

/**
 * Work a text reply leaves for a person (docs/decisions/082): the front desk
 * and admins see their clinic's open tasks and mark them done. Therapists
 * have no booking duties, so no tasks.
 */
export async function listOpenFrontDeskTasks(actor: Actor) {
  await assertCan(actor, "appointment:manage");
  const rows = await db.frontDeskTask.findMany({
    where: { clinicId: actor.clinicId, status: "open" },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      kind: true,
      reason: true,
      createdAt: true,
      patient: { select: { id: true, firstName: true, lastName: true, preferredName: true, phone: true } },
      appointment: { select: { id: true, startsAt: true, status: true } },
    },
  });
  await recordAudit(actor, { action: "front_desk_task.list", details: { count: rows.length } });
  return rows;
}

export async function completeFrontDeskTask(actor: Actor, input: unknown, now = new Date()) {
  await assertCan(actor, "appointment:manage");
  const { taskId } = parseInput(completeFrontDeskTaskSchema, input);
  return db.$transaction(async (tx) => {
    const rows = await tx.frontDeskTask.updateManyAndReturn({
      where: { id: taskId, clinicId: actor.clinicId, status: "open" },
      data: { status: "done", doneAt: now, doneById: actor.userId },
      select: { id: true, patientId: true },
    });
    const row = rows[0];
    if (!row) {
      // Done already (two people clicked) is not an error; another clinic's or no task is a 404.
      const done = await tx.frontDeskTask.findFirst({
        where: { id: taskId, clinicId: actor.clinicId },
        select: { id: true },
      });
      if (done) return { id: done.id };
      await recordAudit(actor, {
        action: "access.denied",
        outcome: "denied",
        recordType: "FrontDeskTask",
        recordId: taskId,
      });
      throw notFound("That task");
    }
    await recordAudit(
      actor,
      { action: "front_desk_task.done", patientId: row.patientId, recordType: "FrontDeskTask", recordId: row.id },
      tx,
    );
    return { id: row.id };
  });
}

/** Raised inside the caller's transaction (the inbound text that asked for it commits with it). */
export async function createCallBackTask(
  tx: Tx,
  task: { clinicId: string; patientId: string; appointmentId: string | null; reason: string },
): Promise<string> {
  const row = await tx.frontDeskTask.create({ data: { ...task, kind: "call_back" }, select: { id: true } });
  return row.id;
}
