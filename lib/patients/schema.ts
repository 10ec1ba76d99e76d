import { z } from "zod";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === "" ? undefined : v))
    .optional();

/** YYYY-MM-DD, a real date, not in the future, and a plausible age. */
export const dateOfBirthSchema = z
  .string({ error: "Enter the date of birth." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of birth as YYYY-MM-DD.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, "That date does not exist.")
  .refine((v) => new Date(`${v}T00:00:00Z`).getTime() <= Date.now(), "The date of birth cannot be in the future.")
  .refine((v) => Number(v.slice(0, 4)) >= new Date().getUTCFullYear() - 120, "Check the year of birth.");

export const phoneSchema = z
  .string()
  .trim()
  .max(32, "That phone number is too long.")
  .regex(/^[+()\d\s.-]*$/, "Use digits, spaces and + ( ) - only.")
  .refine((v) => v === "" || v.replace(/\D/g, "").length >= 7, "That phone number looks too short.")
  // Stored as digits (and a leading +) so that search by any part of the number works.
  .transform((v) => (v === "" ? undefined : v.replace(/(?!^\+)[^\d]/g, "")))
  .optional();

const nameField = (label: string) =>
  z
    .string({ error: `Enter the ${label.toLowerCase()}.` })
    .trim()
    .min(1, `Enter the ${label.toLowerCase()}.`)
    .max(100, `${label} can be at most 100 characters.`);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like name@example.com.")
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** An optional id that a form's empty choice ("No one yet") sends as "". */
const optionalId = (message: string) =>
  z
    .union([z.uuid(message), z.literal(""), z.null()])
    .transform((v) => (v ? v : null))
    .optional();

export const registerPatientSchema = z.object({
  firstName: nameField("First name"),
  lastName: nameField("Last name"),
  preferredName: optionalText(100, "Preferred name"),
  dateOfBirth: dateOfBirthSchema,
  email: emailSchema,
  phone: phoneSchema,
  /** The therapist whose caseload the patient joins; optional at registration. */
  primaryTherapistId: optionalId("Choose a therapist from the list."),
  /** Set after the clinic was shown the likely duplicates and chose to register anyway. */
  confirmDuplicate: z.boolean().optional(),
});
export type RegisterPatientInput = z.input<typeof registerPatientSchema>;

/** A checkbox or query string says "true"; JSON says true. */
const flag = z
  .union([z.boolean(), z.enum(["true", "false"])])
  .transform((v) => v === true || v === "true")
  .default(false);

export const patientSearchSchema = z.object({
  q: z.string().trim().max(100, "Search text is too long.").default(""),
  take: z.coerce.number().int().min(1).max(100).default(25),
  /** Inactive patients are left out unless asked for (docs/decisions/058). */
  includeInactive: flag,
});

/** FHIR AdministrativeGender (hl7.org/fhir/valueset-administrative-gender), the codes a chart export uses. */
export const SEX_OPTIONS = ["female", "male", "other", "unknown"] as const;
export const SEX_LABEL: Record<(typeof SEX_OPTIONS)[number], string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  unknown: "Unknown",
};

/** Text a form may clear: "" becomes null (cleared); absent stays undefined (unchanged). */
const clearableText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const clearable = <S extends z.ZodType>(schema: S) => schema.transform((v) => (v === undefined ? null : v)).optional();

/**
 * A correction of a patient's details. Every field is optional (absent means
 * unchanged; "" clears an optional one); `expectedVersion` is the version the
 * form was loaded with, so a save over someone else's change is refused.
 */
export const updatePatientSchema = z.object({
  expectedVersion: z
    .number({ error: "Reload the page and try again." })
    .int()
    .min(0)
    .max(2_147_483_647, "Reload the page and try again."),
  firstName: nameField("First name").optional(),
  lastName: nameField("Last name").optional(),
  preferredName: clearableText(100, "Preferred name"),
  dateOfBirth: dateOfBirthSchema.optional(),
  sex: z
    .union([z.enum(SEX_OPTIONS, "Choose one of the options."), z.literal(""), z.null()])
    .transform((v) => (v ? v : null))
    .optional(),
  email: clearable(emailSchema.unwrap()),
  phone: clearable(phoneSchema.unwrap()),
  addressLine: clearableText(200, "Street address"),
  city: clearableText(100, "City"),
  postalCode: clearableText(20, "Postal code"),
  emergencyContactName: clearableText(200, "Emergency contact name"),
  emergencyContactPhone: clearable(phoneSchema.unwrap()),
  emergencyContactRelationship: clearableText(100, "Relationship"),
  primaryTherapistId: optionalId("Choose a therapist from the list."),
});
export type UpdatePatientInput = z.input<typeof updatePatientSchema>;

/** Marking a patient inactive (discharged, moved away, deceased) or active again; history is kept either way. */
export const setPatientActiveSchema = z.object({
  active: z.boolean({ error: "Say whether the patient is active." }),
  reason: optionalText(500, "Reason"),
});
