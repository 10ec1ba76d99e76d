import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** The actor's own clinic (name, contact, time zone): not health data, so not audited. */
export const getOwnClinic = cache(async (actor: Actor) =>
  db.clinic.findUniqueOrThrow({
    where: { id: actor.clinicId },
    select: { id: true, name: true, phone: true, address: true, timeZone: true, country: true },
  }),
);
