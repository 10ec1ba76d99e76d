import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { messagePreferencesSchema } from "./message-preferences-schema";
import { patientRoutes as r } from "./routes";
import { patientSearchSchema, registerPatientSchema, setPatientActiveSchema, updatePatientSchema } from "./schema";

const stamp = z.iso.datetime();

/** A row of a patient search: who they are and how to reach them, no clinical data. */
export const patientSummarySchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: stamp,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  userId: z.uuid().nullable(),
  active: z.boolean(),
  createdAt: stamp,
});

export const patientDetailsSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.iso.date(),
  sex: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  emergencyContactRelationship: z.string().nullable(),
  primaryTherapistId: z.uuid().nullable(),
  primaryTherapist: z.object({ id: z.uuid(), name: z.string(), active: z.boolean() }).nullable(),
  active: z.boolean(),
  inactiveSince: stamp.nullable(),
  inactiveReason: z.string().nullable(),
  userId: z.uuid().nullable(),
  version: z.number().int().describe("Send it back as expectedVersion: a save is compare-and-set."),
  createdAt: stamp,
});

/** A likely duplicate: the least a clerk needs to tell two records apart. */
export const duplicateCandidateSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
});

const patients = z.object({ patients: z.array(patientSummarySchema) });

export const messagePreferencesResponseSchema = z.object({
  preferences: z.object({
    patientId: z.uuid(),
    channels: z.enum(["email", "text", "both"]),
    email: z.string().nullable(),
    phone: z.string().nullable().describe("E.164"),
    phoneText: z.string().describe("The number as people in the clinic's country write it"),
    textConsentAt: stamp.nullable(),
    textConsentSource: z.string().nullable().describe('"portal", "front_desk" or "reply:START"'),
    textOptedOutAt: stamp.nullable(),
    textsAllowed: z.boolean().describe("Consent on file for this number and not withdrawn since"),
    consentWording: z.string().describe("What the patient agrees to by ticking the consent box"),
  }),
});

/** The patients API: one contract per endpoint, used by the handlers, the OpenAPI document and the client. */
export const patientContracts = {
  list: { ...r.list, query: patientSearchSchema, response: patients },
  register: {
    ...r.register,
    status: 201,
    request: registerPatientSchema,
    response: z.object({ patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }) }),
  },
  search: { ...r.search, request: patientSearchSchema, response: patients },
  get: { ...r.get, response: z.object({ patient: patientDetailsSchema }) },
  update: {
    ...r.update,
    request: updatePatientSchema,
    response: z.object({ patient: patientDetailsSchema, changed: z.array(z.string()) }),
  },
  setActive: {
    ...r.setActive,
    request: setPatientActiveSchema,
    response: z.object({
      patient: patientDetailsSchema,
      upcomingVisits: z
        .number()
        .int()
        .describe("Visits still booked from now on: marking inactive does not cancel them."),
    }),
  },
  getMessagePreferences: { ...r.getMessagePreferences, response: messagePreferencesResponseSchema },
  setMessagePreferences: {
    ...r.setMessagePreferences,
    request: messagePreferencesSchema,
    response: messagePreferencesResponseSchema,
  },
} as const satisfies Contracts<typeof r>;
