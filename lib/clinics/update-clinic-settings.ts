import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { CLINIC_FIELDS, updateClinicSettingsSchema, type ClinicDetails } from "./schema";

type FieldChange = { from: string | null; to: string };
type CurrentRow = { [K in keyof ClinicDetails]-?: K extends "email" ? string | null : string } & { updatedAt: Date };

export const SETTINGS_CHANGED_MESSAGE =
  "Someone else saved the clinic settings after you opened this page. Reload the page to see their changes, then make yours again.";

/**
 * An admin changes their own clinic's name, address, phone, email, time
 * zone or country (how patients' phone numbers are read). The audit row keeps each changed field's old and new value (the
 * details column, never a server log). A time zone change needs the admin's
 * explicit confirmation: weekly hours are local wall-clock minutes and stay
 * as they are, while booked visits are instants and keep them, so they show
 * at a new local time (docs/decisions/056).
 */
export async function updateClinicSettings(actor: Actor, input: unknown) {
  await assertCan(actor, "clinic:configure");
  const { confirmTimeZoneChange, expectedUpdatedAt, ...wanted } = parseInput(updateClinicSettingsSchema, input);
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<CurrentRow[]>`
      SELECT name, address, phone, email, "timeZone", country, "updatedAt"
      FROM "Clinic" WHERE id = ${actor.clinicId}::uuid FOR UPDATE`;
    if (!current) throw new AppError("not_found", "The clinic was not found.");
    if (expectedUpdatedAt && expectedUpdatedAt.getTime() !== current.updatedAt.getTime())
      throw new AppError("conflict", SETTINGS_CHANGED_MESSAGE);
    if (wanted.timeZone !== current.timeZone && !confirmTimeZoneChange)
      throw new AppError("validation", "Confirm the time zone change.", {
        timeZone: ["Changing the time zone needs your confirmation: save again and confirm."],
      });

    const changes: Partial<Record<keyof ClinicDetails, FieldChange>> = {};
    for (const field of CLINIC_FIELDS) {
      const to = wanted[field];
      if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
    }
    const changed = Object.keys(changes) as Array<keyof ClinicDetails>;
    if (!changed.length) return { changed, updatedAt: current.updatedAt };

    const saved = await tx.clinic.update({
      where: { id: actor.clinicId },
      data: Object.fromEntries(changed.map((f) => [f, changes[f]!.to])),
      select: { updatedAt: true },
    });
    await recordAudit(
      actor,
      { action: "clinic.update", recordType: "Clinic", recordId: actor.clinicId, details: { changes } },
      tx,
    );
    return { changed, updatedAt: saved.updatedAt };
  });
}
