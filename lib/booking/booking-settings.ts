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
} as const;

export type BookingSettings = { [K in keyof typeof DEFAULT_BOOKING_SETTINGS]: number };

type SettingsColumns = { [K in keyof BookingSettings]: number | null };

/** The rules from a row LEFT JOINed with BookingSettings: the defaults when the clinic has not saved any. */
export function settingsOf(row: SettingsColumns): BookingSettings {
  if (row.bookingWindowDays === null) return { ...DEFAULT_BOOKING_SETTINGS };
  return {
    bookingWindowDays: row.bookingWindowDays,
    minimumNoticeMinutes: row.minimumNoticeMinutes!,
    lateCancellationHours: row.lateCancellationHours!,
    slotStepMinutes: row.slotStepMinutes!,
  };
}

type ContextRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string;
  address: string;
  timeZone: string;
} & SettingsColumns;

/**
 * The clinic's booking rules and zone (defaults until an admin saves their
 * own). Read by every booking request, so one joined query rather than
 * Prisma's two for a relation.
 */
export async function bookingContext(clinicId: string, client: Tx | typeof db = db) {
  const [row] = await client.$queryRaw<ContextRow[]>`
    SELECT c.id::text AS id, c.name, c.email, c.phone, c.address, c."timeZone",
           s."bookingWindowDays", s."minimumNoticeMinutes", s."lateCancellationHours",
           s."slotStepMinutes"
    FROM "Clinic" c LEFT JOIN "BookingSettings" s ON s."clinicId" = c.id
    WHERE c.id = ${clinicId}::uuid`;
  if (!row) throw new Error(`No clinic ${clinicId}.`);
  const { id, name, email, phone, address, timeZone } = row;
  return { clinic: { id, name, email, phone, address, timeZone }, settings: settingsOf(row) };
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
