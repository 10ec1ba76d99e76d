import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { disconnectDb } from "@/lib/db";
import { describeErrorForLog } from "@/lib/http/log-safe-error";

/**
 * Graceful shutdown of the production server (docs/decisions/060, 100): on
 * SIGTERM the server stops accepting connections, lets the requests in flight
 * finish, stops the background jobs registered here, closes the database pool
 * and exits, all within SHUTDOWN_DEADLINE_MS. `npm start`'s server (server.ts)
 * sets NEXT_MANUAL_SIG_HANDLE=true to say the signal is ours; under plain
 * `next start` without it, Next's own handler would exit as soon as requests
 * drained, cutting off the jobs and the pool.
 *
 * State lives on globalThis: the instrumentation hook and each route are
 * separate bundles, and each would otherwise get its own copy of this module.
 */

/** Past this the process exits anyway; under the 10 s a container runtime usually allows before SIGKILL. */
export const SHUTDOWN_DEADLINE_MS = 9_000;

type Stopper = { name: string; stop: () => Promise<void> };

type ShutdownState = {
  stoppers: Stopper[];
  servers: Set<Server>;
  inFlight: number;
  drained: Array<() => void>;
  shuttingDown: boolean;
  installed: boolean;
};

const globalForShutdown = globalThis as unknown as { mendShutdown?: ShutdownState };

function state(): ShutdownState {
  globalForShutdown.mendShutdown ??= {
    stoppers: [],
    servers: new Set(),
    inFlight: 0,
    drained: [],
    shuttingDown: false,
    installed: false,
  };
  return globalForShutdown.mendShutdown;
}

/**
 * Registers background work to stop on shutdown, after requests have drained
 * and before the database pool closes. `stop` should let the unit of work in
 * progress finish (a batch, a pass) and start no more.
 */
export function onShutdown(name: string, stop: () => Promise<void>): void {
  state().stoppers.push({ name, stop });
}

/** True from the signal on: readiness answers 503 so a load balancer stops sending traffic. */
export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

/**
 * Called once from instrumentation.ts. Node's `http.server.request.start`
 * diagnostics channel hands us the HTTP server (server.ts's, or the one `next start` created) (the instrumentation
 * hook cannot reach it otherwise) and lets us count requests in flight.
 */
export function installShutdownHandler(): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; request: IncomingMessage; response: ServerResponse };
    s.servers.add(server);
    s.inFlight++;
    // "close" fires whether the response finished or the client went away, so the count cannot leak.
    response.once("close", () => {
      s.inFlight--;
      if (s.inFlight === 0) for (const resolve of s.drained.splice(0)) resolve();
    });
  });
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    // Next exits on its own once requests drain (`next dev`, or `next start` run by hand); stop the jobs meanwhile.
    if (process.env.NODE_ENV === "production")
      console.warn("[shutdown] NEXT_MANUAL_SIG_HANDLE is not set: start with `npm start` for a graceful shutdown");
    const stopJobs = () => void stopAll(s.stoppers);
    process.once("SIGTERM", stopJobs);
    process.once("SIGINT", stopJobs);
    return;
  }
  // Exit even if shutdown itself throws (a log line to a closed stdout pipe can): a server left running holds its port.
  const onSignal = (signal: NodeJS.Signals) =>
    void shutdown(signal)
      .catch(() => 1)
      .then((code) => process.exit(code));
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

/**
 * Stop taking requests → drain → stop jobs → close the pool. Resolves with the
 * exit code: 0 when everything finished, 1 when the deadline cut it short.
 */
export async function shutdown(reason: string, deadlineMs = SHUTDOWN_DEADLINE_MS): Promise<number> {
  const s = state();
  if (s.shuttingDown) return new Promise(() => undefined);
  s.shuttingDown = true;
  console.log(`[shutdown] ${reason}: draining ${s.inFlight} request(s)`);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), deadlineMs);
  });
  const orderly = (async () => {
    // close() stops listening and, since Node 19, drops idle keep-alive connections at once.
    for (const server of s.servers) server.close();
    if (s.inFlight > 0) await new Promise<void>((resolve) => s.drained.push(resolve));
    // Connections that were busy when close() ran are idle now.
    for (const server of s.servers) server.closeIdleConnections();
    await stopAll(s.stoppers);
    await disconnectDb();
    return "done" as const;
  })();
  const outcome = await Promise.race([orderly, deadline]);
  clearTimeout(timer);
  if (outcome === "deadline") {
    console.error(`[shutdown] not finished after ${deadlineMs} ms (${s.inFlight} request(s) in flight): exiting`);
    for (const server of s.servers) server.closeAllConnections();
    return 1;
  }
  console.log("[shutdown] requests drained, jobs stopped, database pool closed");
  return 0;
}

async function stopAll(stoppers: Stopper[]): Promise<void> {
  await Promise.all(
    stoppers.map(({ name, stop }) =>
      stop().catch((e) => console.error(`[shutdown] stopping ${name} failed:`, describeErrorForLog(e))),
    ),
  );
}
