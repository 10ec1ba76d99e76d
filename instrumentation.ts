/** Background work inside the Node.js server process: email delivery, reminders and audit sealing (lib/jobs). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobsInServer } = await import("@/lib/jobs/start-background-jobs");
  startBackgroundJobsInServer();
}
