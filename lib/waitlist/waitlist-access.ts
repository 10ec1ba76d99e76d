import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

/** Patients act on their own entries from the portal; staff on any of their clinic's. */
export async function assertMayUseWaitlist(actor: Actor): Promise<void> {
  if (actor.role === "patient") {
    await assertCan(actor, "waitlist:join:own");
    if (!actor.patientId)
      throw new AppError("forbidden", "Your account is not linked to a patient record yet. Please call the clinic.");
  } else await assertCan(actor, "waitlist:manage");
}

/** Entries in these states still wait for a time: one per patient and appointment type. */
export const OPEN_ENTRY_STATUSES = ["waiting", "offered"] as const;
