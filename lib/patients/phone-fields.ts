import "server-only";
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { invalidPhoneMessage, toE164 } from "./phone-number-rules";

/** The clinic's country: how a phone number typed without "+" is read. */
export async function clinicCountry(clinicId: string): Promise<string> {
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { country: true } });
  return clinic.country;
}

/**
 * Rewrites the named phone fields of parsed input to E.164 in the clinic's
 * country (null and undefined pass through: cleared and unchanged), or refuses
 * the whole input with a field error per bad number, so nothing is half-saved.
 */
export function phonesToE164<T extends Record<string, unknown>, K extends keyof T & string>(
  data: T,
  fields: readonly K[],
  country: string,
): T {
  const out: Record<string, unknown> = { ...data };
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = data[field];
    if (typeof value !== "string") continue;
    const e164 = toE164(value, country);
    if (e164) out[field] = e164;
    else errors[field] = [invalidPhoneMessage(country)];
  }
  if (Object.keys(errors).length) throw new AppError("validation", "Check the phone number.", errors);
  return out as T;
}
