import { describe, expect, it } from "vitest";
import { ApiError, apiErrorFrom, NETWORK_MESSAGE } from "@/lib/http/api-client";
import {
  discardLog,
  enqueueLog,
  flushQueue,
  memoryStore,
  newClientKey,
  type PendingLog,
} from "@/lib/programs/offline-log-queue";

const log = (n: number): PendingLog => ({
  clientKey: `00000000-0000-4000-8000-00000000000${n}`,
  itemId: "11111111-1111-4111-8111-111111111111",
  completed: true,
  performedAt: "2026-11-22T15:00:00Z",
});
/** What the API client does with an answer: the body on success, an ApiError from the error body otherwise. */
const reply = async (status: number, body: unknown = {}) => {
  if (status >= 400) throw apiErrorFrom(status, body);
  return body;
};

describe("offline log queue", () => {
  it("queues a log once per key", () => {
    const store = memoryStore();
    enqueueLog(store, log(1));
    enqueueLog(store, log(1));
    expect(store.read()).toHaveLength(1);
  });

  it("keeps everything when the network is down, and sends it all when it is back", async () => {
    const store = memoryStore([log(1), log(2)]);
    expect(await flushQueue(store, async () => Promise.reject(new TypeError("Failed to fetch")))).toEqual({
      outcome: "offline",
      sent: 0,
      setAside: 0,
    });
    expect(
      (await flushQueue(store, async () => Promise.reject(new ApiError(0, "network", NETWORK_MESSAGE)))).outcome,
    ).toBe("offline");
    expect(store.read()).toHaveLength(2);
    const seen: string[][] = [];
    const result = await flushQueue(store, async (logs) => {
      seen.push(logs.map((l) => l.clientKey));
      return reply(201);
    });
    expect(result).toEqual({ outcome: "sent", sent: 2, setAside: 0 });
    expect(seen).toEqual([[log(1).clientKey, log(2).clientKey]]);
    expect(store.read()).toEqual([]);
  });

  it("keeps a log queued while a send is in flight", async () => {
    const store = memoryStore([log(1)]);
    await flushQueue(store, async () => {
      enqueueLog(store, log(2));
      return reply(201);
    });
    expect(store.read().map((l) => l.clientKey)).toEqual([log(2).clientKey]);
  });

  it("keeps the queue on a server error or an ended session", async () => {
    const store = memoryStore([log(1)]);
    expect((await flushQueue(store, async () => reply(503))).outcome).toBe("retry_later");
    expect((await flushQueue(store, async () => reply(401))).outcome).toBe("signed_out");
    expect(store.read()).toHaveLength(1);
  });

  it("sets aside a log the server refuses and sends the others", async () => {
    const store = memoryStore([log(1), log(2), log(3)]);
    const calls: number[] = [];
    const result = await flushQueue(store, async (logs) => {
      calls.push(logs.length);
      if (logs.length === 3)
        return reply(422, { error: { fieldErrors: { "logs.1.itemId": ["This exercise is not in your program."] } } });
      return reply(201);
    });
    expect(result).toEqual({ outcome: "sent", sent: 2, setAside: 1 });
    expect(calls).toEqual([3, 2]);
    expect(store.read()).toEqual([{ ...log(2), problem: "This exercise is not in your program." }]);
    // A set-aside log is not sent again until the patient discards it.
    expect((await flushQueue(store, async () => reply(201))).outcome).toBe("nothing");
    expect(discardLog(store, log(2).clientKey)).toEqual([]);
  });

  it("makes version-4 keys the server accepts", () => {
    const keys = new Set(Array.from({ length: 50 }, newClientKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
