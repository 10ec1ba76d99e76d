/** Background work inside the Node.js server process: email delivery, reminders and audit sealing (lib/jobs). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("@/lib/jobs/start-background-jobs");
  const { describeErrorForLog } = await import("@/lib/http/log-safe-error");
  // Not awaited: the server answers (and reports itself unready) even if the database is down at start.
  startBackgroundJobs().then(
    (jobs) => {
      // Minimal until a shutdown registry owns it: finish the work in flight, then let the server exit.
      const stop = () => void jobs.stop();
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    },
    (error) => console.error("[jobs] could not start background jobs:", describeErrorForLog(error)),
  );
}
