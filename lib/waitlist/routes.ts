import type { Route } from "@/lib/http/endpoint";

/** Where the waitlist API lives; the schemas are in ./contracts.ts (kept apart so pages call these without zod). */
export const waitlistRoutes = {
  entries: { method: "GET", path: "/api/waitlist/entries" },
  addEntry: { method: "POST", path: "/api/waitlist/entries" },
  removeEntry: { method: "DELETE", path: "/api/waitlist/entries/{entryId}" },
  setPriority: { method: "PATCH", path: "/api/waitlist/entries/{entryId}" },
  freedTimes: { method: "GET", path: "/api/waitlist/freed-times" },
} as const satisfies Record<string, Route>;
