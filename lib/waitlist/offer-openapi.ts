import { credential, errorSchema, fromContract, ok } from "@/lib/openapi/helpers";
import { offerContracts as c } from "./offer-contracts";

const answered = {
  "409": ok(errorSchema, "The offer was already answered, was taken by someone else, or the patient is busy then"),
  "410": ok(errorSchema, "The offer's hold has run out"),
};

/** The waitlist offer link's part of the OpenAPI document. */
export function offerOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/waitlist/offers/{token}/accept": {
      post: {
        tags: ["waitlist"],
        summary: "Take the offered time: books it through the same conflict-safe insert as any booking",
        ...credential("waitlist-offer-link"),
        ...fromContract(c.accept, { responses: answered }),
      },
    },
    "/api/waitlist/offers/{token}/decline": {
      post: {
        tags: ["waitlist"],
        summary: "Let the offered time go; the patient stays on the waitlist",
        ...credential("waitlist-offer-link"),
        ...fromContract(c.decline, { responses: answered }),
      },
    },
  };
}
