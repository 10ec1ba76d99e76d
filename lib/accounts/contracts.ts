import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { accountRoutes as r } from "./routes";
import { acceptInvitationSchema, completePasswordResetSchema, requestPasswordResetSchema } from "./schema";

const role = z.string().describe("The account's role: where to go after signing in.");

/** The emailed-link account API (decision 050): handlers, the OpenAPI document and the forms share these. */
export const accountContracts = {
  requestReset: {
    ...r.requestReset,
    status: 202,
    request: requestPasswordResetSchema,
    response: z.object({ message: z.string().describe("The same text whether or not the address has an account.") }),
  },
  completeReset: {
    ...r.completeReset,
    request: completePasswordResetSchema,
    response: z.object({ reset: z.object({ role }) }),
  },
  acceptInvitation: {
    ...r.acceptInvitation,
    status: 201,
    request: acceptInvitationSchema,
    response: z.object({ account: z.object({ email: z.string(), role }) }),
  },
  invitePatient: {
    ...r.invitePatient,
    status: 201,
    response: z.object({
      invitation: z.object({ id: z.uuid(), email: z.string(), expiresAt: z.iso.datetime(), resent: z.boolean() }),
    }),
  },
} as const satisfies Contracts<typeof r>;
