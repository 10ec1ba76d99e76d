import "server-only";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/server/shutdown";
import { startReminderJob, type RunningJob } from "./reminders";

const globalForJob = globalThis as unknown as { mendReminderJob?: RunningJob };

/** Beside the outbox worker, in the same process and under the same switch (OUTBOX_WORKER). */
export function startConfiguredReminderJob(): void {
  if (env().OUTBOX_WORKER === "off" || globalForJob.mendReminderJob) return;
  const job = startReminderJob();
  globalForJob.mendReminderJob = job;
  onShutdown("reminder job", () => job.stop());
}
