"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { completeFrontDeskTask } from "@/lib/front-desk/front-desk-tasks";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function completeFrontDeskTaskAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await completeFrontDeskTask(await requireActor(), input);
    revalidatePath("/clinic/front-desk");
    return undefined;
  });
}
