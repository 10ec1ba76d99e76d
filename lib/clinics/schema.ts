import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schema";
import { isCountryCode } from "@/lib/patients/phone-number-rules";
import { canonicalTimeZone } from "./time-zone-rules";

/** Shared by `npm run setup` and the clinic settings form, so both refuse the same input with the same words. */
const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter the clinic's ${what}.` })
    .trim()
    .min(1, `Enter the clinic's ${what}.`)
    .max(max, `The ${what} can be at most ${max} characters.`);

const PHONE_CHARACTERS = /^\+?[0-9()\-.\s]+(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i;

export const clinicPhoneSchema = z
  .string({ error: "Enter the clinic's phone number." })
  .trim()
  .min(1, "Enter the clinic's phone number.")
  .max(40, "The phone number can be at most 40 characters.")
  .refine(
    (v) => PHONE_CHARACTERS.test(v) && (v.match(/[0-9]/g)?.length ?? 0) >= 5,
    "Enter a phone number like (207) 555-0142 or +44 20 7946 0000.",
  );

export const clinicEmailSchema = z
  .string({ error: "Enter the clinic's email address." })
  .trim()
  .min(1, "Enter the clinic's email address.")
  .pipe(emailSchema);

export const TIME_ZONE_ERROR =
  "Choose a time zone from the list (an IANA name like America/New_York or Europe/London).";

/** An IANA zone the runtime knows, stored as the runtime list's own name for it. */
export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, TIME_ZONE_ERROR)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone) return zone;
    ctx.addIssue({ code: "custom", message: TIME_ZONE_ERROR });
    return z.NEVER;
  });

/** ISO 3166 alpha-2: patients' phone numbers typed without "+" are read as numbers of this country. */
export const clinicCountrySchema = z
  .string({ error: "Choose a country." })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Choose a country from the list.");

export const clinicDetailsSchema = z.object({
  name: requiredText("name", 120),
  address: requiredText("address", 300),
  phone: clinicPhoneSchema,
  email: clinicEmailSchema,
  timeZone: timeZoneSchema,
  /** Absent: unchanged (a new clinic gets the US). */
  country: clinicCountrySchema.optional(),
});
export type ClinicDetails = z.output<typeof clinicDetailsSchema>;
export const CLINIC_FIELDS = [
  "name",
  "address",
  "phone",
  "email",
  "timeZone",
  "country",
] as const satisfies ReadonlyArray<keyof ClinicDetails>;

export const adminAccountSchema = z.object({
  name: z
    .string({ error: "Enter the admin's name." })
    .trim()
    .min(1, "Enter the admin's name.")
    .max(120, "Name can be at most 120 characters."),
  email: emailSchema,
  password: newPasswordSchema,
});

/** First run: the clinic and its first admin. */
export const clinicSetupSchema = z.object({ clinic: clinicDetailsSchema, admin: adminAccountSchema });
export type ClinicSetupInput = z.input<typeof clinicSetupSchema>;

export const updateClinicSettingsSchema = clinicDetailsSchema.extend({
  /** A time zone change is only made when the form says the admin confirmed it. */
  confirmTimeZoneChange: z.boolean({ error: "Confirm the time zone change." }).optional().default(false),
  /** The settings' updatedAt when the form was opened: a save over someone else's newer one is refused. */
  expectedUpdatedAt: z.iso
    .datetime({ offset: true, error: "Reload the page and try again." })
    .transform((v) => new Date(v))
    .optional(),
});
export type UpdateClinicSettingsInput = z.input<typeof updateClinicSettingsSchema>;
