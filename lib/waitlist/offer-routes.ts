import type { Route } from "@/lib/http/endpoint";

/** Where a waitlist offer link's answers go (the token in the path is the credential); schemas in ./offer-contracts.ts. */
export const offerRoutes = {
  accept: { method: "POST", path: "/api/waitlist/offers/{token}/accept" },
  decline: { method: "POST", path: "/api/waitlist/offers/{token}/decline" },
} as const satisfies Record<string, Route>;
