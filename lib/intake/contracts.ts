import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { acknowledgeRedFlagSchema } from "./acknowledge-red-flag";
import { createAccountSchema } from "./create-account-from-intake";
import { intakeRoutes as r } from "./routes";
import { sendIntakeLinkSchema } from "./send-intake-link";

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
} as const satisfies Contracts<typeof r>;
