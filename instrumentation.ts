/** Background work inside the Node.js server process: email delivery (and the jobs that feed it) and audit sealing. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConfiguredOutboxWorker } = await import("@/lib/notifications/start-worker");
  startConfiguredOutboxWorker();
  const { startAuditSealer } = await import("@/lib/audit/start-sealer");
  startAuditSealer();
  // booking
  const { startConfiguredReminderJob } = await import("@/lib/booking/start-reminder-job");
  startConfiguredReminderJob();
}
