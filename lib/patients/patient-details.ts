import type { Prisma } from "@/lib/generated/prisma/client";
import { localDateOfDateColumn } from "@/lib/time/date-column";

/** Every field staff may correct, with what the edit form and a 409 need to show it. */
export const patientDetailsSelect = {
  id: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  dateOfBirth: true,
  sex: true,
  email: true,
  phone: true,
  addressLine: true,
  city: true,
  postalCode: true,
  emergencyContactName: true,
  emergencyContactPhone: true,
  emergencyContactRelationship: true,
  primaryTherapistId: true,
  primaryTherapist: { select: { id: true, name: true, active: true } },
  active: true,
  inactiveSince: true,
  inactiveReason: true,
  userId: true,
  version: true,
  createdAt: true,
} as const satisfies Prisma.PatientSelect;

export type PatientDetailsRow = Prisma.PatientGetPayload<{ select: typeof patientDetailsSelect }>;

/** The fields an update compares and audits one by one, in the order a form shows them. */
export const EDITABLE_FIELDS = [
  "firstName",
  "lastName",
  "preferredName",
  "dateOfBirth",
  "sex",
  "email",
  "phone",
  "addressLine",
  "city",
  "postalCode",
  "emergencyContactName",
  "emergencyContactPhone",
  "emergencyContactRelationship",
  "primaryTherapistId",
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A patient's details as JSON: the date of birth as YYYY-MM-DD, as forms and audit rows hold it. */
export function patientDetailsDto(row: PatientDetailsRow) {
  return { ...row, dateOfBirth: localDateOfDateColumn(row.dateOfBirth) };
}
export type PatientDetails = ReturnType<typeof patientDetailsDto>;
