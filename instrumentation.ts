/**
 * Runs once when the Node.js server starts: checks the configuration, installs
 * the graceful shutdown (docs/decisions/060), then starts the background work
 * (lib/jobs: email delivery, reminders, audit sealing), whose stop is
 * registered with lib/server/shutdown.ts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvironmentOrExit } = await import("@/lib/server/check-environment");
  checkEnvironmentOrExit();
  const { installShutdownHandler } = await import("@/lib/server/shutdown");
  installShutdownHandler();
  const { startBackgroundJobsInServer } = await import("@/lib/jobs/start-background-jobs");
  startBackgroundJobsInServer();
}
