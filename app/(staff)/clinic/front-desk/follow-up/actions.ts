"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { remindFollowUp, type Reminded } from "@/lib/episodes/remind-follow-up";

export async function remindFollowUpAction(input: unknown): Promise<ActionResult<Reminded>> {
  return runAction(async () => {
    const reminded = await remindFollowUp(await requireActor(), input);
    revalidatePath("/clinic/front-desk/follow-up");
    return reminded;
  });
}
