import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { parseInput } from "@/lib/validation";
import { createStaffSchema } from "./schema";

/** Admin creates a therapist, front-desk or admin account in their own clinic. */
export async function createStaffUser(actor: Actor, input: unknown) {
  await assertCan(actor, "staff:manage");
  const data = parseInput(createStaffSchema, input);
  const duplicate = () =>
    new AppError("conflict", "An account with this email already exists.", {
      email: ["An account with this email already exists."],
    });
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw duplicate();
  const passwordHash = await hashPassword(data.temporaryPassword);
  return db
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { clinicId: actor.clinicId, email: data.email, name: data.name, role: data.role, passwordHash },
        select: { id: true, email: true, name: true, role: true },
      });
      const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { name: true } });
      // The password is handed over in person; the email only says where to sign in.
      await enqueueMessage(tx, {
        clinicId: actor.clinicId,
        kind: "staff.welcome",
        to: user.email,
        subject: `Your ${clinic.name} account on Mend`,
        text: `Hello ${user.name},\n\n${actor.name} created a ${ROLE_LABEL[user.role]} account for you at ${clinic.name}.\nSign in at ${env().APP_URL}/sign-in with this email address and the temporary password you were given.\n`,
      });
      await recordAudit(
        actor,
        { action: "staff.create", recordType: "User", recordId: user.id, details: { role: user.role } },
        tx,
      );
      return user;
    })
    .catch((e: unknown) => {
      // Two admins adding the same email at once: the unique index decides.
      throw isUniqueViolation(e) ? duplicate() : e;
    });
}
