"use server";

import { revalidatePath } from "next/cache";
import { changeEmail } from "@/lib/auth/change-email";
import { changePassword } from "@/lib/auth/change-password";
import { requireActor } from "@/lib/auth/current-actor";
import { confirmIdentity, regenerateRecoveryCodes } from "@/lib/auth/mfa";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function confirmIdentityAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await confirmIdentity(await requireActor(), input);
    revalidatePath("/account/security");
    return undefined;
  });
}

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await changePassword(await requireActor(), input);
    return undefined;
  });
}

export async function changeEmailAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await changeEmail(await requireActor(), input);
    revalidatePath("/account/security");
    return undefined;
  });
}

export async function regenerateRecoveryCodesAction(): Promise<ActionResult<string[]>> {
  return runAction(async () => regenerateRecoveryCodes(await requireActor()));
}
