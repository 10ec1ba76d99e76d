import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { scheduleOverrideSchema, weeklyHoursSchema } from "./schema";
import { z } from "zod";
import { dateColumnOf, localDateOfDateColumn } from "@/lib/time/date-column";
import { instantOfLocal } from "@/lib/time/calendar-rules";
import { recordFreedTime, wakeOfferPass } from "@/lib/waitlist/freed-times";

/** The clinic's active therapists: the people appointments are booked with. */
export async function listTherapists(clinicId: string, client: Tx | typeof db = db) {
  return client.user.findMany({
    where: { clinicId, role: "therapist", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

async function requireTherapist(tx: Tx | typeof db, clinicId: string, therapistId: string) {
  const t = await tx.user.findFirst({ where: { id: therapistId, clinicId, role: "therapist" }, select: { id: true } });
  if (!t) throw notFound("That therapist");
}

/** Every therapist's weekly hours and upcoming overrides, for the admin's setup page. */
export async function listTherapistSchedules(actor: Actor, today: string) {
  await assertCan(actor, "clinic:configure");
  const therapists = await listTherapists(actor.clinicId);
  const ids = therapists.map((t) => t.id);
  const [blocks, overrides] = await Promise.all([
    db.weeklyScheduleBlock.findMany({
      where: { clinicId: actor.clinicId, therapistId: { in: ids } },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      select: { therapistId: true, weekday: true, kind: true, startMinute: true, endMinute: true },
    }),
    db.scheduleOverride.findMany({
      where: { clinicId: actor.clinicId, therapistId: { in: ids }, date: { gte: dateColumnOf(today) } },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }],
      select: { id: true, therapistId: true, date: true, kind: true, startMinute: true, endMinute: true, note: true },
    }),
  ]);
  return therapists.map((t) => ({
    ...t,
    weekly: blocks.filter((b) => b.therapistId === t.id),
    overrides: overrides
      .filter((o) => o.therapistId === t.id)
      .map((o) => ({ ...o, date: localDateOfDateColumn(o.date) })),
  }));
}

/** Replaces a therapist's whole weekly pattern (days left out have no hours). */
export async function setWeeklyHours(actor: Actor, input: unknown) {
  await assertCan(actor, "clinic:configure");
  const data = parseInput(weeklyHoursSchema, input);
  await db.$transaction(async (tx) => {
    await requireTherapist(tx, actor.clinicId, data.therapistId);
    await tx.weeklyScheduleBlock.deleteMany({ where: { clinicId: actor.clinicId, therapistId: data.therapistId } });
    const rows = data.days.flatMap((d) => [
      ...d.work.map((b) => ({ weekday: d.weekday, kind: "work" as const, startMinute: b.start, endMinute: b.end })),
      ...d.breaks.map((b) => ({ weekday: d.weekday, kind: "break" as const, startMinute: b.start, endMinute: b.end })),
    ]);
    if (rows.length)
      await tx.weeklyScheduleBlock.createMany({
        data: rows.map((r) => ({ ...r, clinicId: actor.clinicId, therapistId: data.therapistId })),
      });
    await recordAudit(
      actor,
      {
        action: "therapist_hours.update",
        recordType: "User",
        recordId: data.therapistId,
        details: { blocks: rows.length },
      },
      tx,
    );
  });
}

export async function addScheduleOverride(actor: Actor, input: unknown, now = new Date()) {
  await assertCan(actor, "clinic:configure");
  const data = parseInput(scheduleOverrideSchema, input);
  const added = await db.$transaction(async (tx) => {
    await requireTherapist(tx, actor.clinicId, data.therapistId);
    const row = await tx.scheduleOverride.create({
      data: {
        clinicId: actor.clinicId,
        therapistId: data.therapistId,
        date: dateColumnOf(data.date),
        kind: data.kind,
        startMinute: data.start ?? null,
        endMinute: data.end ?? null,
        note: data.note || null,
      },
      select: { id: true },
    });
    await recordAudit(
      actor,
      { action: "schedule_override.create", recordType: "ScheduleOverride", recordId: row.id },
      tx,
    );
    if (data.kind === "extra_hours" && data.start != null && data.end != null) {
      const { timeZone } = await tx.clinic.findUniqueOrThrow({
        where: { id: actor.clinicId },
        select: { timeZone: true },
      });
      const startsAt = new Date(instantOfLocal(data.date, data.start, timeZone));
      // Extra hours already under way or past free nothing anyone could still be offered.
      if (startsAt.getTime() > now.getTime())
        await recordFreedTime(tx, {
          clinicId: actor.clinicId,
          therapistId: data.therapistId,
          startsAt,
          endsAt: new Date(instantOfLocal(data.date, data.end, timeZone)),
          sourceKey: `extra:${row.id}`,
          freedAt: now,
        });
    }
    return row;
  });
  await wakeOfferPass();
  return added;
}

export async function removeScheduleOverride(actor: Actor, overrideId: unknown) {
  await assertCan(actor, "clinic:configure");
  const id = parseInput(z.uuid("Unknown override."), overrideId);
  await db.$transaction(async (tx) => {
    const r = await tx.scheduleOverride.deleteMany({ where: { id, clinicId: actor.clinicId } });
    if (r.count !== 1) throw notFound("That date override");
    await recordAudit(actor, { action: "schedule_override.delete", recordType: "ScheduleOverride", recordId: id }, tx);
  });
}
