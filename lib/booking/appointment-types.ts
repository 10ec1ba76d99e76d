import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { appointmentTypeSchema } from "./schema";

export const appointmentTypeSelect = {
  id: true,
  name: true,
  durationMinutes: true,
  bufferAfterMinutes: true,
  colour: true,
  onlineBookable: true,
  active: true,
} as const;

/** Staff see every active type; patients only the ones they may book online; admins also inactive ones. */
export async function listAppointmentTypes(actor: Actor, options: { includeInactive?: boolean } = {}) {
  if (actor.role === "patient") {
    await assertCan(actor, "appointment:book:own");
    return db.appointmentType.findMany({
      where: { clinicId: actor.clinicId, active: true, onlineBookable: true },
      orderBy: { name: "asc" },
      select: appointmentTypeSelect,
    });
  }
  await assertCan(actor, options.includeInactive ? "clinic:configure" : "schedule:read");
  return db.appointmentType.findMany({
    where: { clinicId: actor.clinicId, ...(options.includeInactive ? {} : { active: true }) },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: appointmentTypeSelect,
  });
}

/** Creates a type, or updates one of the clinic's when `id` is given. Existing appointments keep their times. */
export async function saveAppointmentType(actor: Actor, input: unknown) {
  await assertCan(actor, "clinic:configure");
  const { id, ...data } = parseInput(appointmentTypeSchema, input);
  const clash = await db.appointmentType.findFirst({
    where: { clinicId: actor.clinicId, name: data.name, ...(id ? { NOT: { id } } : {}) },
    select: { id: true },
  });
  if (clash)
    throw new AppError("conflict", "There is already a type with this name.", {
      name: ["There is already a type with this name."],
    });
  return db.$transaction(async (tx) => {
    let saved;
    if (id) {
      const rows = await tx.appointmentType.updateManyAndReturn({
        where: { id, clinicId: actor.clinicId },
        data,
        select: appointmentTypeSelect,
      });
      if (!rows[0]) throw notFound("That appointment type");
      saved = rows[0];
    } else {
      saved = await tx.appointmentType.create({
        data: { ...data, clinicId: actor.clinicId },
        select: appointmentTypeSelect,
      });
    }
    await recordAudit(
      actor,
      {
        action: id ? "appointment_type.update" : "appointment_type.create",
        recordType: "AppointmentType",
        recordId: saved.id,
      },
      tx,
    );
    return saved;
  });
}
