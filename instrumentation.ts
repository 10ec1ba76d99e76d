/** Starts the outbox worker (and the jobs that feed it) inside the Node.js server process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConfiguredOutboxWorker } = await import("@/lib/notifications/start-worker");
  startConfiguredOutboxWorker();
  // booking
  const { startConfiguredReminderJob } = await import("@/lib/booking/start-reminder-job");
  startConfiguredReminderJob();
}
