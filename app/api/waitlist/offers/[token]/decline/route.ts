import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { offerAnswer } from "@/lib/waitlist/offer-http";
import { declineWaitlistOffer } from "@/lib/waitlist/respond-to-offer";

type Ctx = { params: Promise<{ token: string }> };

/** Let the offered time go; the patient stays on the waitlist. */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const result = await declineWaitlistOffer((await ctx.params).token, requestOrigin(req.headers));
  return privateJson(offerAnswer(result, "declined"));
});
