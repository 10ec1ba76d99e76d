import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { bookingSettingsSchema } from "./schema";

export const DEFAULT_BOOKING_SETTINGS = {
  bookingWindowDays: 60,
  minimumNoticeMinutes: 120,
  lateCancellationHours: 24,
  slotStepMinutes: 15,
  reminderLeadHours: 24,
} as const;

export type BookingSettings = { [K in keyof typeof DEFAULT_BOOKING_SETTINGS]: number };

/** The clinic's booking rules and zone (defaults until an admin saves their own). */
export async function bookingContext(clinicId: string, client: Tx | typeof db = db) {
  const clinic = await client.clinic.findUniqueOrThrow({
    where: { id: clinicId },
    select: { id: true, name: true, email: true, phone: true, address: true, timeZone: true, bookingSettings: true },
  });
  const { bookingSettings, ...rest } = clinic;
  const settings: BookingSettings = bookingSettings
    ? {
        bookingWindowDays: bookingSettings.bookingWindowDays,
        minimumNoticeMinutes: bookingSettings.minimumNoticeMinutes,
        lateCancellationHours: bookingSettings.lateCancellationHours,
        slotStepMinutes: bookingSettings.slotStepMinutes,
        reminderLeadHours: bookingSettings.reminderLeadHours,
      }
    : { ...DEFAULT_BOOKING_SETTINGS };
  return { clinic: rest, settings };
}

export async function getBookingSettings(actor: Actor): Promise<BookingSettings> {
  await assertCan(actor, "clinic:configure");
  return (await bookingContext(actor.clinicId)).settings;
}

export async function updateBookingSettings(actor: Actor, input: unknown): Promise<BookingSettings> {
  await assertCan(actor, "clinic:configure");
  const data = parseInput(bookingSettingsSchema, input);
  return db.$transaction(async (tx) => {
    await tx.bookingSettings.upsert({
      where: { clinicId: actor.clinicId },
      create: { clinicId: actor.clinicId, ...data },
      update: data,
    });
    await recordAudit(actor, { action: "booking_settings.update", recordType: "BookingSettings", details: data }, tx);
    return data;
  });
}
