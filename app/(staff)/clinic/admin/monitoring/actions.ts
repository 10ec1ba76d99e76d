"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { saveMonitoringThreshold } from "@/lib/episodes/monitoring-thresholds";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function saveMonitoringThresholdAction(input: unknown): Promise<ActionResult<{ label: string }>> {
  return runAction(async () => {
    const saved = await saveMonitoringThreshold(await requireActor(), input);
    revalidatePath("/clinic/admin/monitoring");
    return { label: saved.label };
  });
}
