import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { requireRecentReauth } from "./mfa";
import { emailSchema } from "./schema";

const changeEmailSchema = z.object({ newEmail: emailSchema });

/** The sign-in email. Needs a fresh "confirm it's you"; other sessions end. */
export async function changeEmail(actor: Actor, input: unknown): Promise<void> {
  await requireRecentReauth(actor);
  const { newEmail } = parseInput(changeEmailSchema, input);
  const taken = () =>
    new AppError("conflict", "That email is already used by another account.", {
      newEmail: ["That email is already used by another account."],
    });
  if (await db.user.findFirst({ where: { email: newEmail, NOT: { id: actor.userId } }, select: { id: true } }))
    throw taken();
  await db
    .$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
      const updated = await tx.user.update({
        where: { id: actor.userId },
        data: { email: newEmail, sessionVersion: { increment: 1 } },
        select: { sessionVersion: true },
      });
      await tx.authSession.update({ where: { id: actor.sessionId }, data: { sessionVersion: updated.sessionVersion } });
      await recordAudit(
        actor,
        {
          action: "auth.email_change",
          recordType: "User",
          recordId: actor.userId,
          details: { from: before.email, to: newEmail },
        },
        tx,
      );
    })
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? taken() : e;
    });
}
