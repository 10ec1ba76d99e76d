/**
 * Runs once when the Node.js server starts: checks the configuration, installs
 * the graceful shutdown (docs/decisions/060), then starts the background work
 * (email delivery and the jobs that feed it, audit sealing), each of which
 * registers its own stop with lib/server/shutdown.ts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvironmentOrExit } = await import("@/lib/server/check-environment");
  checkEnvironmentOrExit();
  const { installShutdownHandler } = await import("@/lib/server/shutdown");
  installShutdownHandler();
  const { startConfiguredOutboxWorker } = await import("@/lib/notifications/start-worker");
  startConfiguredOutboxWorker();
  const { startAuditSealer } = await import("@/lib/audit/start-sealer");
  startAuditSealer();
  // booking
  const { startConfiguredReminderJob } = await import("@/lib/booking/start-reminder-job");
  startConfiguredReminderJob();
}
