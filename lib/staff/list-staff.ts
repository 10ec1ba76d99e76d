import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export async function listStaff(actor: Actor) {
  await assertCan(actor, "staff:manage");
  return db.user.findMany({
    where: { clinicId: actor.clinicId, role: { in: [...STAFF_ROLES] } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, lastSignInAt: true, mfaEnabledAt: true },
  });
}
