import "server-only";
import pg from "pg";
import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { sealAuditChain } from "@/lib/audit/audit-chain";
import { runReminderPass } from "@/lib/booking/reminders";
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
export const TASK = { reminders: "reminders:queue-due", seal: "audit:seal" } as const;

/** Seconds between seals: the audit page promises new events are sealed "within seconds". */
const SEAL_EVERY_MS = 5_000;

const CRONTAB = [
  // Reminder times are not aligned to anything, so a pass a minute bounds lateness by one minute plus the pass.
  `* * * * * ${TASK.reminders} ?max=1&jobKey=reminders-pass&jobKeyMode=preserve_run_at`,
  // The seal job reschedules itself every few seconds; this line only revives it after a crash.
  `* * * * * ${TASK.seal} ?max=1&jobKey=audit-seal&jobKeyMode=preserve_run_at`,
].join("\n");

/**
 * Our own log line for a failed task, and an error without the original message
 * for the library to log and store: messages of database errors quote query
 * arguments, which may be health data (docs/decisions/046).
 */
function logSafe(name: string, task: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await task();
    } catch (error) {
      const described = describeErrorForLog(error);
      console.error(`[jobs] ${name} failed:`, described);
      throw new Error(`${name} failed: ${described}`);
    }
  };
}

const tasks: TaskList = {
  [TASK.reminders]: logSafe(TASK.reminders, async () => {
    const pass = await runReminderPass();
    if (pass.marked > 0) console.log(`[reminders] queued ${pass.queued} reminders for ${pass.marked} visits`);
  }),
  [TASK.seal]: async (_payload, helpers) => {
    try {
      await logSafe(TASK.seal, async () => {
        await sealAuditChain(db as unknown as PrismaClient, auditChainKey());
      })();
    } finally {
      await helpers.addJob(
        TASK.seal,
        {},
        { jobKey: "audit-seal", runAt: new Date(Date.now() + SEAL_EVERY_MS), maxAttempts: 1 },
      );
    }
  },
};

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
  const pool = new pg.Pool({ connectionString, max: (options.concurrency ?? 2) + 2 });
  // An idle connection dropped by the server must not crash the process; the pool reconnects.
  pool.on("error", (error) => console.error("[jobs] database connection lost:", describeErrorForLog(error)));
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency: options.concurrency ?? 2,
      noHandleSignals: true,
      taskList: tasks,
      crontab: CRONTAB,
      logger,
    });
    // Without waiting for the next minute: a pass now, and the sealing cycle going.
    await runner.addJob(
      TASK.reminders,
      {},
      { jobKey: "reminders-pass", jobKeyMode: "preserve_run_at", maxAttempts: 1 },
    );
    await runner.addJob(TASK.seal, {}, { jobKey: "audit-seal", jobKeyMode: "preserve_run_at", maxAttempts: 1 });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    async stop() {
      // Lets jobs in flight finish. After a crash the next minute's tick starts a fresh pass or seal.
      await runner.stop();
      await pool.end();
    },
  };
}
