"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { retryFailedMessage } from "@/lib/notifications/retry-message";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { resetStaffMfa } from "@/lib/staff/reset-staff-mfa";
import { setUserActive } from "@/lib/staff/set-user-active";

export async function createStaffAction(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction(async () => {
    const user = await createStaffUser(await requireActor(), input);
    revalidatePath("/clinic/admin");
    return { id: user.id, name: user.name };
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
