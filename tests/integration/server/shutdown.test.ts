import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/server/readiness";
import { installShutdownHandler, isShuttingDown, onShutdown, shutdown } from "@/lib/server/shutdown";
import { migrationNames } from "../../../scripts/db/migrations";

/** The registry is process-wide state; each test starts from a fresh one. */
function resetRegistry() {
  delete (globalThis as { mendShutdown?: unknown }).mendShutdown;
}

/** A server whose requests wait until the test lets them answer. */
async function gatedServer(): Promise<{ server: Server; url: string; arrived: Promise<void>; release: () => void }> {
  let release!: () => void;
  let arrive!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const arrived = new Promise<void>((r) => (arrive = r));
  const server = createServer((_req, res) => {
    arrive();
    void gate.then(() => res.end("done"));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, arrived, release };
}

afterEach(resetRegistry);

describe("graceful shutdown", () => {
  it("stops accepting, drains the request in flight, then stops jobs, then closes the pool", async () => {
    resetRegistry();
    installShutdownHandler();
    const events: string[] = [];
    onShutdown("test job", async () => {
      // The pool is still open while jobs stop: a job may finish its last write.
      await db.$queryRaw`SELECT 1`;
      events.push("job stopped");
    });
    const { server, url, arrived, release } = await gatedServer();
    const inFlight = fetch(url).then(async (r) => {
      events.push("request answered");
      return { status: r.status, body: await r.text() };
    });
    await arrived;

    const exitCode = shutdown("test");
    expect(isShuttingDown()).toBe(true);
    expect(await checkReadiness(await migrationNames())).toEqual({ ready: false, reason: "shutting_down" });
    await expect(fetch(url)).rejects.toThrow();
    expect(events).toEqual([]);

    release();
    expect(await inFlight).toEqual({ status: 200, body: "done" });
    expect(await exitCode).toBe(0);
    expect(events).toEqual(["request answered", "job stopped"]);
    expect(server.listening).toBe(false);
  });

  it("gives up at the deadline when a request never finishes", async () => {
    resetRegistry();
    installShutdownHandler();
    let stopped = false;
    onShutdown("test job", async () => {
      stopped = true;
    });
    const { url, arrived } = await gatedServer();
    const hanging = fetch(url).catch(() => "cut off");
    await arrived;
    expect(await shutdown("test", 300)).toBe(1);
    expect(await hanging).toBe("cut off");
    expect(stopped).toBe(false);
  });
});
