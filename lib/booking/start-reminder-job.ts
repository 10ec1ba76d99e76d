import "server-only";
import { env } from "@/lib/env";
import { startReminderJob, type RunningJob } from "./reminders";

const globalForJob = globalThis as unknown as { mendReminderJob?: RunningJob };

/** Beside the outbox worker, in the same process and under the same switch (OUTBOX_WORKER). */
export function startConfiguredReminderJob(): void {
  if (env().OUTBOX_WORKER === "off" || globalForJob.mendReminderJob) return;
  const job = startReminderJob();
  globalForJob.mendReminderJob = job;
  const shutdown = () => void job.stop();
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
