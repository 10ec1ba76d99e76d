import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { roleHas, type Permission } from "./permissions";

/**
 * Throws `forbidden` (and audits the denial) unless the actor's role has the
 * permission. Called at the top of every data-access function.
 */
export async function assertCan(
  actor: Actor,
  permission: Permission,
  context: { patientId?: string | null } = {},
): Promise<void> {
  if (roleHas(actor.role, permission)) return;
  await recordAudit(actor, {
    action: "access.denied",
    outcome: "denied",
    patientId: context.patientId,
    details: { permission },
  });
  throw new AppError("forbidden", "You do not have access to this.");
}

export function can(actor: Actor, permission: Permission): boolean {
  return roleHas(actor.role, permission);
}
