"use server";

import { headers } from "next/headers";
import { requireMfaPending } from "@/lib/auth/current-actor";
import { completeEnrolment, verifySecondFactor } from "@/lib/auth/mfa";
import { requestOrigin } from "@/lib/auth/request-origin";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function verifyCodeAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await verifySecondFactor(await requireMfaPending(), input, requestOrigin(await headers()));
    return undefined;
  });
}

export async function completeEnrolmentAction(input: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction(async () => completeEnrolment(await requireMfaPending(), input, requestOrigin(await headers())));
}
