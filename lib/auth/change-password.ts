import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { requireRecentReauth } from "./mfa";
import { hashPassword } from "./password";
import { newPasswordSchema } from "./schema";

const changePasswordSchema = z.object({ newPassword: newPasswordSchema });

/**
 * Needs a fresh "confirm it's you" (password, and code for staff). Every other
 * session of the user ends on its next request (session version bump); the
 * one making the change carries on.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  await requireRecentReauth(actor);
  const data = parseInput(changePasswordSchema, input);
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await tx.authSession.update({ where: { id: actor.sessionId }, data: { sessionVersion: updated.sessionVersion } });
    await recordAudit(actor, { action: "auth.password_change", recordType: "User", recordId: actor.userId }, tx);
  });
}
