import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { setUserActiveSchema } from "./schema";

/** Disabling a user also bumps their session version: every open session ends on its next request. */
export async function setUserActive(actor: Actor, input: unknown) {
  await assertCan(actor, "staff:manage");
  const { userId, active } = parseInput(setUserActiveSchema, input);
  if (userId === actor.userId && !active) throw new AppError("validation", "You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateManyAndReturn({
      // Staff accounts only (domain.md): a patient's portal account is not the admin's to switch off or on.
      where: { id: userId, clinicId: actor.clinicId, role: { in: [...STAFF_ROLES] } },
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
      select: { id: true, active: true },
    });
    if (!updated[0]) throw notFound("That user");
    await recordAudit(
      actor,
      { action: active ? "user.enable" : "user.disable", recordType: "User", recordId: userId },
      tx,
    );
    return updated[0];
  });
}
