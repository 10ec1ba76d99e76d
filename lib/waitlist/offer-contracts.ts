import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { offerRoutes as r } from "./offer-routes";

/** After an accept or decline: the offer's state, and the booked visit's id when it was accepted just now. */
export const offerResponseSchema = z.object({
  state: z
    .enum(["open", "accepted", "declined", "expired", "taken", "busy"])
    .describe('"busy": the patient already has a visit at that time, so nothing was booked.'),
  appointmentId: z.uuid().nullable(),
  message: z.string().describe("What to tell the patient."),
});

export const offerContracts = {
  accept: { ...r.accept, response: offerResponseSchema },
  decline: { ...r.decline, response: offerResponseSchema },
} as const satisfies Contracts<typeof r>;
