/** Starts the outbox worker inside the Node.js server process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConfiguredOutboxWorker } = await import("@/lib/notifications/start-worker");
  startConfiguredOutboxWorker();
}
