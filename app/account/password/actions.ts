"use server";

import { changePassword } from "@/lib/auth/change-password";
import { requireActor } from "@/lib/auth/current-actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await changePassword(await requireActor(), input);
    return undefined;
  });
}
