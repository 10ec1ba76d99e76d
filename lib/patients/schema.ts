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

export const registerPatientSchema = z.object({
  firstName: z
    .string({ error: "Enter the first name." })
    .trim()
    .min(1, "Enter the first name.")
    .max(100, "First name can be at most 100 characters."),
  lastName: z
    .string({ error: "Enter the last name." })
    .trim()
    .min(1, "Enter the last name.")
    .max(100, "Last name can be at most 100 characters."),
  preferredName: optionalText(100, "Preferred name"),
  dateOfBirth: dateOfBirthSchema,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like name@example.com.")
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  phone: phoneSchema,
});
export type RegisterPatientInput = z.input<typeof registerPatientSchema>;

export const patientSearchSchema = z.object({
  q: z.string().trim().max(100, "Search text is too long.").default(""),
  take: z.coerce.number().int().min(1).max(100).default(25),
});
