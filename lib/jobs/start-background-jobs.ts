import "server-only";
import { env, twilioConfig } from "@/lib/env";
import { describeErrorForLog } from "@/lib/http/log-safe-error";
import { startOutboxWorker } from "@/lib/notifications/outbox-worker";
import { onShutdown } from "@/lib/server/shutdown";
import { devTextInboxTransport, twilioTransport } from "@/lib/notifications/text-transports";
import { devMailboxTransport, smtpTransport } from "@/lib/notifications/transports";
import { startJobRunner } from "./job-runner";

export type BackgroundJobs = { stop(): Promise<void> };

const globalForJobs = globalThis as unknown as { mendBackgroundJobs?: Promise<BackgroundJobs> };

/**
 * Everything this server does besides answering requests: email delivery
 * (the outbox claim loop, several servers in parallel) and the scheduled jobs
 * (reminders, audit sealing; each run on one server at a time). With
 * OUTBOX_WORKER=off the process does none of it (extra app instances).
 * `stop()` lets work in flight finish, for a clean shutdown.
 */
export function startBackgroundJobs(): Promise<BackgroundJobs> {
  globalForJobs.mendBackgroundJobs ??= start().catch((error: unknown) => {
    globalForJobs.mendBackgroundJobs = undefined; // a later call may try again
    throw error;
  });
  return globalForJobs.mendBackgroundJobs;
}

async function start(): Promise<BackgroundJobs> {
  const config = env();
  if (config.OUTBOX_WORKER === "off") return { stop: async () => {} };
  const email = config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : devMailboxTransport;
  const twilio = twilioConfig(config);
  const sms = twilio ? twilioTransport(twilio) : devTextInboxTransport;
  const delivery = startOutboxWorker({ email, sms });
  console.log(`[outbox] delivering email through ${email.name}, texts through ${sms.name}`);
  let runner;
  try {
    runner = await startJobRunner(config.DATABASE_URL);
  } catch (error) {
    await delivery.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= Promise.all([delivery.stop(), runner.stop()]).then(() => undefined);
      return stopping;
    },
  };
}

/**
 * For instrumentation.ts: starts the jobs without holding up the server (it
 * answers, and reports itself unready, even if the database is down at start).
 * Their stop is registered at once, so a SIGTERM that arrives while they are
 * still starting waits for the start and then stops them.
 */
export function startBackgroundJobsInServer(): void {
  const started = startBackgroundJobs();
  started.catch((error: unknown) =>
    console.error("[jobs] could not start background jobs:", describeErrorForLog(error)),
  );
  onShutdown("background-jobs", () =>
    started.then(
      (jobs) => jobs.stop(),
      () => undefined,
    ),
  );
}
