/** The waitlist JSON API for the browser: a typed client and the types of what it answers. */

import type { ResponseOf } from "@/lib/http/endpoint";
import { apiClient } from "@/lib/http/api-client";
import type { waitlistContracts } from "@/lib/waitlist/contracts";
import { waitlistRoutes } from "@/lib/waitlist/routes";

type C = typeof waitlistContracts;

/** The waitlist API, typed by its contracts (lib/waitlist/contracts.ts); only the routes are bundled. */
export const waitlistApi = apiClient<C>(waitlistRoutes);

export type WaitlistEntryView = ResponseOf<C["entries"]>["entries"][number];
export type FreedTimeView = ResponseOf<C["freedTimes"]>["freedTimes"][number];

/** What a patient reads for each status: an entry removed or past its dates has simply ended. */
export const ENTRY_STATUS_LABEL: Record<WaitlistEntryView["status"], string> = {
  waiting: "Waiting",
  offered: "Offered",
  booked: "Booked",
  removed: "Ended",
  expired: "Ended",
};

export const isOpenEntry = (e: Pick<WaitlistEntryView, "status">) => e.status === "waiting" || e.status === "offered";
