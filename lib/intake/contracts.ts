import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { acknowledgeRedFlagSchema } from "./acknowledge-red-flag";
import { createAccountSchema } from "./create-account-from-intake";
import { INTAKE_PROGRESS } from "./intake-rules";
import { RED_FLAG_TIERS } from "./red-flag-rules";
import { intakeFillRoutes as fill, intakeRoutes as r } from "./routes";
import { draftAnswersSchema, saveDraftSchema, submitIntakeSchema } from "./schema";
import { sendIntakeLinkSchema } from "./send-intake-link";
import { INTAKE_KINDS, INTAKE_STEP_IDS } from "./steps";

/** GET /api/patients/{patientId}/intake-status: where each intake stands, nothing clinical. */
export const intakeStatusSchema = z.object({
  initial: z.enum(INTAKE_PROGRESS).describe('The first intake\'s progress; "not_sent" when there is none'),
  intakes: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(INTAKE_KINDS),
      progress: z.enum(INTAKE_PROGRESS),
      sentAt: z.iso.datetime(),
      startedAt: z.iso.datetime().nullable(),
      submittedAt: z.iso.datetime().nullable(),
      link: z
        .object({
          state: z.enum(["active", "expired", "revoked", "used"]),
          expiresAt: z.iso.datetime(),
          sentTo: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  openFlags: z.array(z.object({ tier: z.enum(RED_FLAG_TIERS), count: z.number().int().min(1) })),
});

/** One unacknowledged red flag on the clinic's alert list, emergency first. */
export const redFlagAlertSchema = z.object({
  id: z.uuid(),
  tier: z.enum(RED_FLAG_TIERS),
  raisedAt: z.iso.datetime(),
  patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  detail: z
    .object({ label: z.string(), ruleVersion: z.string(), intakeId: z.uuid() })
    .nullable()
    .describe("Which rule raised it: null for roles that may not read intakes (the front desk)"),
});

/** Intake endpoints called from the browser: handlers, the OpenAPI document and the client share these. */
export const intakeContracts = {
  createAccount: {
    ...r.createAccount,
    status: 201,
    request: createAccountSchema,
    response: z.object({ account: z.object({ email: z.string() }) }),
  },
  sendLink: {
    ...r.sendLink,
    status: 201,
    request: sendIntakeLinkSchema,
    response: z.object({
      link: z.object({
        intakeId: z.uuid(),
        url: z.url().describe("Shown once, to copy: only its hash is stored."),
        expiresAt: z.iso.datetime(),
        emailedTo: z.string().nullable(),
        resent: z.boolean(),
      }),
    }),
  },
  revokeLinks: { ...r.revokeLinks, response: z.object({ revoked: z.number().int() }) },
  acknowledgeFlag: {
    ...r.acknowledgeFlag,
    request: acknowledgeRedFlagSchema,
    response: z.object({ acknowledged: z.object({ id: z.uuid(), acknowledgedAt: z.iso.datetime() }) }),
  },
  status: { ...r.status, response: z.object({ status: intakeStatusSchema }) },
  redFlags: { ...r.redFlags, response: z.object({ alerts: z.array(redFlagAlertSchema) }) },
} as const satisfies Contracts<typeof r>;

/** The draft as the patient left it, on whichever device opens it. */
export const intakeForFillingSchema = z.object({
  id: z.uuid(),
  kind: z.enum(INTAKE_KINDS),
  revision: z.number().int().describe("Send it back as baseRevision: a save is compare-and-set."),
  answers: draftAnswersSchema,
  currentStep: z.enum(INTAKE_STEP_IDS).nullable(),
  lastSavedAt: z.iso.datetime().nullable(),
  psfsActivities: z.array(z.string()).describe("A follow-up re-rates these baseline activities; names are fixed"),
  hasEmergencyFlag: z.boolean(),
  patient: z.object({ firstName: z.string(), preferredName: z.string().nullable(), hasAccount: z.boolean() }),
  clinic: z.object({ name: z.string(), phone: z.string() }),
});

const intake = z.object({ intake: intakeForFillingSchema });
const saved = z.object({
  saved: z.object({
    revision: z.number().int(),
    savedAt: z.iso.datetime(),
    emergency: z.boolean().describe("The answers so far raise an emergency red flag: show the emergency message"),
  }),
});
const submitted = z.object({
  submitted: z.object({
    intakeId: z.uuid(),
    submittedAt: z.iso.datetime(),
    emergency: z.boolean(),
    accountSetupToken: z
      .string()
      .nullable()
      .describe("After a submit through a link by a patient without an account: lets them choose a password"),
    hasAccount: z.boolean(),
  }),
});

/** Filling in an intake through a link or the portal: the same bodies either way. */
export const intakeFillContracts = {
  linkIntake: { ...fill.linkIntake, response: intake },
  linkSaveDraft: { ...fill.linkSaveDraft, request: saveDraftSchema, response: saved },
  linkSaveDraftOnHide: { ...fill.linkSaveDraftOnHide, request: saveDraftSchema, response: saved },
  linkSubmit: { ...fill.linkSubmit, request: submitIntakeSchema, response: submitted },
  ownIntake: { ...fill.ownIntake, response: intake },
  ownSaveDraft: { ...fill.ownSaveDraft, request: saveDraftSchema, response: saved },
  ownSaveDraftOnHide: { ...fill.ownSaveDraftOnHide, request: saveDraftSchema, response: saved },
  ownSubmit: { ...fill.ownSubmit, request: submitIntakeSchema, response: submitted },
} as const satisfies Contracts<typeof fill>;
