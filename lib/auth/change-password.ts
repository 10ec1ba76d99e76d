import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { newPasswordSchema } from "./schema";

const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: newPasswordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

/**
 * Every other session of the user ends on its next request (session version
 * bump); the one making the change carries on.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError("validation", "Your current password is not right.", {
      currentPassword: ["Your current password is not right."],
    });
  }
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
