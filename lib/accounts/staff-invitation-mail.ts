import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABEL, type Role } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { formatDateTime } from "@/lib/time/format";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { issueAccountToken } from "./account-token";

export type Invitee = { email: string; name: string; role: Exclude<Role, "patient"> };

/** A new invitation link and its email, in the caller's transaction (first invitation or a resend). */
export async function issueStaffInvitation(tx: Tx, actor: Actor, invitee: Invitee, now: Date) {
  const link = await issueAccountToken(
    tx,
    { purpose: "staff_invitation", clinicId: actor.clinicId, createdById: actor.userId, ...invitee },
    now,
  );
  const clinic = await tx.clinic.findUniqueOrThrow({
    where: { id: actor.clinicId },
    select: { name: true, timeZone: true },
  });
  await enqueueMessage(tx, {
    clinicId: actor.clinicId,
    kind: "staff.invitation",
    to: invitee.email,
    dedupeKey: `staff-invitation:${link.id}`,
    subject: `${clinic.name}: your invitation to Mend`,
    text: [
      `Hello ${invitee.name},`,
      "",
      `${actor.name} invited you to join ${clinic.name} on Mend as ${ROLE_LABEL[invitee.role]}.`,
      "Open this link to choose your password:",
      "",
      link.url,
      "",
      `The link works once, until ${formatDateTime(link.expiresAt, clinic.timeZone)}.`,
      "Then sign in with this email address; the first time, you will set up two-step sign-in with an authenticator app on your phone.",
      "",
      "If you did not expect this invitation, you can ignore this email.",
    ].join("\n"),
  });
  return link;
}
