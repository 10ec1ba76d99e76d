"use server";

import { revalidatePath } from "next/cache";
import { inviteStaff } from "@/lib/accounts/invite-staff";
import { resendStaffInvitation, revokeStaffInvitation } from "@/lib/accounts/staff-invitations";
import { requireActor } from "@/lib/auth/current-actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { retryFailedMessage } from "@/lib/notifications/retry-message";
import { resetStaffMfa } from "@/lib/staff/reset-staff-mfa";
import { setUserActive } from "@/lib/staff/set-user-active";

export async function inviteStaffAction(input: unknown): Promise<ActionResult<{ email: string; name: string }>> {
  return runAction(async () => {
    const invitation = await inviteStaff(await requireActor(), input);
    revalidatePath("/clinic/admin");
    return { email: invitation.email, name: invitation.name };
  });
}

export async function resendInvitationAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const invitation = await resendStaffInvitation(await requireActor(), input);
    revalidatePath("/clinic/admin");
    return { email: invitation.email };
  });
}

export async function revokeInvitationAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await revokeStaffInvitation(await requireActor(), input);
    revalidatePath("/clinic/admin");
    return undefined;
  });
}

export async function setUserActiveAction(input: unknown): Promise<ActionResult<{ id: string; active: boolean }>> {
  return runAction(async () => {
    const result = await setUserActive(await requireActor(), input);
    revalidatePath("/clinic/admin");
    return result;
  });
}

export async function retryMessageAction(outboxId: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await retryFailedMessage(await requireActor(), String(outboxId));
    revalidatePath("/clinic/admin/mailbox");
    return undefined;
  });
}

export async function resetStaffMfaAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await resetStaffMfa(await requireActor(), input);
    revalidatePath("/clinic/admin");
    return undefined;
  });
}
