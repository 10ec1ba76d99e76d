import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { offerAnswer } from "@/lib/waitlist/offer-http";
import { acceptWaitlistOffer } from "@/lib/waitlist/respond-to-offer";

type Ctx = { params: Promise<{ token: string }> };

/** Take the offered time (no account needed: the link is the credential). */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const result = await acceptWaitlistOffer((await ctx.params).token, requestOrigin(req.headers));
  return privateJson(offerAnswer(result, "accepted"));
});
