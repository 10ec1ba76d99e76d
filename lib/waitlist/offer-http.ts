import "server-only";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import type { offerResponseSchema } from "./offer-contracts";
import { OFFER_STATE_MESSAGE } from "./offer-rules";
import type { OfferResponse } from "./respond-to-offer";

export const BUSY_MESSAGE =
  "You already have another visit at that time, so we could not book this one. You are still on the waitlist.";

/**
 * The JSON answer to an accept or decline: 200 when it did what was asked (or
 * had already), otherwise the plain reason as a 410 (hold ran out) or 409.
 */
export function offerAnswer(
  result: OfferResponse,
  wanted: "accepted" | "declined",
): z.input<typeof offerResponseSchema> {
  if (result.state === wanted)
    return { state: result.state, appointmentId: result.appointmentId, message: OFFER_STATE_MESSAGE[wanted] };
  if (result.state === "busy") throw new AppError("conflict", BUSY_MESSAGE);
  if (result.state === "open") throw new AppError("conflict", "This offer is still open.");
  throw new AppError(result.state === "expired" ? "gone" : "conflict", OFFER_STATE_MESSAGE[result.state]);
}
