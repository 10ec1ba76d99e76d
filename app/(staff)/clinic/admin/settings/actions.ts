"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { updateClinicSettings } from "@/lib/clinics/update-clinic-settings";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function saveClinicSettingsAction(
  input: unknown,
): Promise<ActionResult<{ changed: string[]; updatedAt: string }>> {
  return runAction(async () => {
    const result = await updateClinicSettings(await requireActor(), input);
    // The clinic's name is in every signed-in page's header.
    revalidatePath("/", "layout");
    return { changed: result.changed, updatedAt: result.updatedAt.toISOString() };
  });
}
