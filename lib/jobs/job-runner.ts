import "server-only";
import { Logger, run, type Task, type TaskList } from "graphile-worker";
import { sealAuditChain } from "@/lib/audit/audit-chain";
import { runReminderPass } from "@/lib/booking/reminders";
import { FOLLOW_UP_NUDGE_TASK, runFollowUpNudgePass } from "@/lib/episodes/follow-up-nudge-pass";
import { OFFER_PASS_TASK } from "@/lib/waitlist/freed-times";
import { runOfferPass } from "@/lib/waitlist/offer-pass";
import { db } from "@/lib/db";
import { auditChainKey } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeErrorForLog } from "@/lib/http/log-safe-error";

/**
 * Scheduled work shared by every app server, on graphile-worker
 * (docs/decisions/063-background-jobs.md). Its cron schedules each tick once
 * however many servers run it (`graphile_worker._private_known_crontabs`), and
 * a job runs on one server only; job keys keep at most one copy waiting.
 */
export const TASK = {
  reminders: "reminders:queue-due",
  seal: "audit:seal",
  waitlist: OFFER_PASS_TASK,
  followUp: FOLLOW_UP_NUDGE_TASK,
} as const;

/** Seconds between seals: the audit page promises new events are sealed "within seconds". */
const SEAL_EVERY_MS = 5_000;
/** A pass with nothing due is one index probe, so passes can be frequent: lateness stays near this. */
const REMINDERS_EVERY_MS = 15_000;
/** Extra passes started when a pass finds a backlog; any server's runner takes them (SKIP LOCKED splits the work). */
const REMINDER_HELPERS = 2;
/** Offers are held 15 minutes: a pass every 15 s expires them and offers the next patients promptly. */
const WAITLIST_EVERY_MS = 15_000;
/** Follow-up nudges go at most weekly per episode; a pass every 10 minutes finds a newly dropped-out patient the same day. */
const FOLLOW_UP_EVERY_MS = 10 * 60_000;

const CRONTAB = [
  // Each of these jobs schedules its own next run a few seconds ahead; the cron lines only revive
  // them after a crash or when no server was running.
  `* * * * * ${TASK.reminders} ?max=1&jobKey=reminders-pass&jobKeyMode=preserve_run_at`,
  `* * * * * ${TASK.seal} ?max=1&jobKey=audit-seal&jobKeyMode=preserve_run_at`,
  `* * * * * ${TASK.waitlist} ?max=1&jobKey=waitlist-pass&jobKeyMode=preserve_run_at`,
  `*/10 * * * * ${TASK.followUp} ?max=1&jobKey=follow-up-pass&jobKeyMode=preserve_run_at`,
].join("\n");

/**
 * Our own log line for a failed task, and an error without the original message
 * for the library to log and store: messages of database errors quote query
 * arguments, which may be health data (docs/decisions/046).
 */
async function logSafe(name: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    const described = describeErrorForLog(error);
    console.error(`[jobs] ${name} failed:`, described);
    throw new Error(`${name} failed: ${described}`);
  }
}

/** Runs `task`, then (even if it failed) queues the next run of this singleton job `everyMs` later. */
function recurring(name: string, jobKey: string, everyMs: number, task: Task): Task {
  return async (payload, helpers) => {
    try {
      await logSafe(name, () => task(payload, helpers) as Promise<void>);
    } finally {
      await helpers.addJob(name, {}, { jobKey, runAt: new Date(Date.now() + everyMs), maxAttempts: 1 });
    }
  };
}

const isHelperPass = (payload: unknown) => (payload as { helper?: unknown } | null)?.helper === true;
/** A wake-up after a cancellation (wakeOfferPass): one extra pass now, leaving the recurring one's schedule alone. */
const isWakePass = (payload: unknown) => (payload as { wake?: unknown } | null)?.wake === true;

/** The tasks of one runner; `stopping` ends a long reminder pass between batches at shutdown. */
function taskList(stopping: AbortSignal): TaskList {
  const reminderPass: Task = async (payload, helpers) => {
    const pass = await runReminderPass({
      signal: stopping,
      // Helper passes run once and never ask for more helpers.
      onBacklog: isHelperPass(payload)
        ? undefined
        : async () => {
            for (let i = 1; i <= REMINDER_HELPERS; i++)
              await helpers.addJob(
                TASK.reminders,
                { helper: true },
                { jobKey: `reminders-helper-${i}`, maxAttempts: 1 },
              );
          },
    });
    if (pass.marked > 0)
      console.log(`[reminders] queued ${pass.queued} of ${pass.marked} due reminders (the rest unreachable)`);
  };
  const mainReminderPass = recurring(TASK.reminders, "reminders-pass", REMINDERS_EVERY_MS, reminderPass);
  const offerPass: Task = async () => {
    const pass = await runOfferPass({ signal: stopping });
    if (pass.offered > 0) console.log(`[waitlist] sent ${pass.offered} offers`);
  };
  const mainOfferPass = recurring(TASK.waitlist, "waitlist-pass", WAITLIST_EVERY_MS, offerPass);
  return {
    [TASK.reminders]: (payload, helpers) =>
      isHelperPass(payload)
        ? logSafe(TASK.reminders, () => reminderPass(payload, helpers) as Promise<void>)
        : mainReminderPass(payload, helpers),
    [TASK.waitlist]: (payload, helpers) =>
      isWakePass(payload)
        ? logSafe(TASK.waitlist, () => offerPass(payload, helpers) as Promise<void>)
        : mainOfferPass(payload, helpers),
    [TASK.followUp]: recurring(TASK.followUp, "follow-up-pass", FOLLOW_UP_EVERY_MS, async () => {
      const pass = await runFollowUpNudgePass();
      if (pass.nudged > 0) console.log(`[follow-up] nudged ${pass.nudged} patients to book`);
    }),
    [TASK.seal]: recurring(TASK.seal, "audit-seal", SEAL_EVERY_MS, async () => {
      await sealAuditChain(db as unknown as PrismaClient, auditChainKey());
    }),
  };
}

/** The library's own chatter (connections, each job started) stays out of the log; problems do not. */
const logger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});

export type JobRunner = { stop(): Promise<void> };

/**
 * Starts this server's share of the scheduled jobs. The library creates and
 * migrates its own schema (`graphile_worker`) on first start, beside ours.
 */
export async function startJobRunner(
  connectionString: string,
  options: { concurrency?: number } = {},
): Promise<JobRunner> {
  const concurrency = options.concurrency ?? 2;
  const stopping = new AbortController();
  // The library owns this small pool (and its error handlers, so a dropped connection never crashes the server).
  const runner = await run({
    connectionString,
    maxPoolSize: concurrency + 2,
    concurrency,
    noHandleSignals: true,
    taskList: taskList(stopping.signal),
    crontab: CRONTAB,
    logger,
  });
  try {
    // Without waiting for the next minute: a pass now, and the sealing cycle going.
    await runner.addJob(
      TASK.reminders,
      {},
      { jobKey: "reminders-pass", jobKeyMode: "preserve_run_at", maxAttempts: 1 },
    );
    await runner.addJob(TASK.seal, {}, { jobKey: "audit-seal", jobKeyMode: "preserve_run_at", maxAttempts: 1 });
    await runner.addJob(TASK.waitlist, {}, { jobKey: "waitlist-pass", jobKeyMode: "preserve_run_at", maxAttempts: 1 });
    await runner.addJob(TASK.followUp, {}, { jobKey: "follow-up-pass", jobKeyMode: "preserve_run_at", maxAttempts: 1 });
  } catch (error) {
    await runner.stop();
    throw error;
  }
  return {
    // Lets jobs in flight finish (a reminder pass at its next batch). After a crash the next
    // minute's tick starts a fresh pass or seal.
    stop() {
      stopping.abort();
      return runner.stop();
    },
  };
}
