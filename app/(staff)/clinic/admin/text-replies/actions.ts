"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { simulateInboundText } from "@/lib/text-replies/text-reply-log";

export async function simulateTextReplyAction(input: unknown): Promise<ActionResult<{ outcome: string }>> {
  return runAction(async () => {
    const result = await simulateInboundText(await requireActor(), input);
    revalidatePath("/clinic/admin/text-replies");
    return { outcome: result.duplicate ? "duplicate" : result.outcome };
  });
}
