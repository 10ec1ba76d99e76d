import "server-only";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/server/shutdown";
import { startOutboxWorker, type RunningWorker } from "./outbox-worker";
import { devMailboxTransport, smtpTransport } from "./transports";

const globalForWorker = globalThis as unknown as { mendOutboxWorker?: RunningWorker };

/** SMTP when SMTP_URL is set, otherwise the in-app development mailbox. */
export function startConfiguredOutboxWorker(): void {
  const config = env();
  if (config.OUTBOX_WORKER === "off" || globalForWorker.mendOutboxWorker) return;
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : devMailboxTransport;
  const worker = startOutboxWorker(transport);
  globalForWorker.mendOutboxWorker = worker;
  onShutdown("outbox worker", () => worker.stop());
  console.log(`[outbox] delivering through ${transport.name}`);
}
