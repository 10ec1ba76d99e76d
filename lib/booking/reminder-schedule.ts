import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { effectiveReminderRules, type ReminderRule } from "./reminder-rules";
import { reminderScheduleSchema } from "./schema";

export type ReminderSchedule = { rules: ReminderRule[]; isDefault: boolean };

/** The clinic's reminder schedule as the reminder pass applies it (the default while none is saved). */
export async function getReminderSchedule(actor: Actor): Promise<ReminderSchedule> {
  await assertCan(actor, "clinic:configure");
  const saved = await db.reminderRule.findMany({
    where: { clinicId: actor.clinicId },
    select: { channel: true, hoursBefore: true },
  });
  return { rules: effectiveReminderRules(saved), isDefault: saved.length === 0 };
}

/**
 * Replaces the clinic's schedule. Reminders already queued stay queued; the
 * new rules apply from the next pass (a new rule whose time has already come
 * for a visit booked before that time goes at once).
 */
export async function updateReminderSchedule(actor: Actor, input: unknown): Promise<ReminderSchedule> {
  await assertCan(actor, "clinic:configure");
  const { rules } = parseInput(reminderScheduleSchema, input);
  return db.$transaction(async (tx) => {
    // Two admins saving at once: the second waits and then replaces the first's rules whole,
    // instead of both deleting and one failing on the unique (clinic, channel, hours).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`reminder-schedule:${actor.clinicId}`}, 0))`;
    await tx.reminderRule.deleteMany({ where: { clinicId: actor.clinicId } });
    await tx.reminderRule.createMany({ data: rules.map((r) => ({ clinicId: actor.clinicId, ...r })) });
    await recordAudit(
      actor,
      { action: "reminder_schedule.update", recordType: "ReminderRule", details: { rules } },
      tx,
    );
    return { rules: effectiveReminderRules(rules), isDefault: false };
  });
}
