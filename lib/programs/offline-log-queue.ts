/**
 * The patient's device keeps every session log in a queue (localStorage)
 * until the server has confirmed it. Each log carries a key made on the
 * device before the first send, and the server stores a key once, so sending
 * the queue again after a lost answer, a reload, or from two tabs at once
 * never doubles a log; nothing leaves the queue unconfirmed, so none is lost.
 * No framework imports: the storage and the network are passed in.
 */
import { ApiError } from "@/lib/http/api-client";
import type { ExerciseLogInput } from "./schema";

export type PendingLog = ExerciseLogInput & {
  clientKey: string;
  itemId: string;
  /** Set when the server refused this log (e.g. its exercise left the program); kept for the patient to see. */
  problem?: string;
};

export type QueueStore = { read(): PendingLog[]; write(logs: PendingLog[]): void };

export function memoryStore(initial: PendingLog[] = []): QueueStore {
  let logs = [...initial];
  return { read: () => [...logs], write: (next) => void (logs = [...next]) };
}

export function localStorageStore(key: string): QueueStore {
  return {
    read() {
      if (typeof window === "undefined") return [];
      try {
        const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? "[]");
        return Array.isArray(parsed) ? (parsed as PendingLog[]) : [];
      } catch {
        return [];
      }
    },
    write(logs) {
      if (typeof window === "undefined") return;
      if (logs.length) window.localStorage.setItem(key, JSON.stringify(logs));
      else window.localStorage.removeItem(key);
    },
  };
}

export function enqueueLog(store: QueueStore, log: PendingLog): PendingLog[] {
  const logs = store.read();
  if (!logs.some((l) => l.clientKey === log.clientKey)) logs.push(log);
  store.write(logs);
  return logs;
}

export function discardLog(store: QueueStore, clientKey: string): PendingLog[] {
  const logs = store.read().filter((l) => l.clientKey !== clientKey);
  store.write(logs);
  return logs;
}

function removeKeys(store: QueueStore, keys: Set<string>) {
  // Re-read: a log queued while the request was in flight must survive.
  store.write(store.read().filter((l) => !keys.has(l.clientKey)));
}

export type FlushOutcome = "sent" | "nothing" | "offline" | "signed_out" | "retry_later";
export type FlushResult = { outcome: FlushOutcome; sent: number; setAside: number };

/** Sends logs; resolves once the server has stored them, and fails with the API client's ApiError. */
type Post = (logs: Omit<PendingLog, "problem">[]) => Promise<unknown>;

/** Sends every log not set aside; on a 422, sets aside the refused ones and sends the rest once more. */
export async function flushQueue(store: QueueStore, post: Post, attempt = 0): Promise<FlushResult> {
  const pending = store.read().filter((l) => !l.problem);
  if (!pending.length) return { outcome: "nothing", sent: 0, setAside: 0 };
  try {
    await post(pending.map(({ problem: _problem, ...log }) => log));
  } catch (error) {
    // Anything but an answer from the server (status 0 is "could not reach it") means the network.
    if (!(error instanceof ApiError) || error.status === 0) return { outcome: "offline", sent: 0, setAside: 0 };
    if (error.status === 401) return { outcome: "signed_out", sent: 0, setAside: 0 };
    if (error.status !== 422 || attempt > 0) return { outcome: "retry_later", sent: 0, setAside: 0 };
    const problems = new Map<number, string>();
    for (const [field, messages] of Object.entries(error.fieldErrors)) {
      const m = /^logs\.(\d+)\./.exec(field);
      if (m && !problems.has(Number(m[1]))) problems.set(Number(m[1]), messages[0] ?? "This log was refused.");
    }
    if (!problems.size) return { outcome: "retry_later", sent: 0, setAside: 0 };
    const refused = new Map([...problems].map(([i, message]) => [pending[i]!.clientKey, message]));
    store.write(store.read().map((l) => (refused.has(l.clientKey) ? { ...l, problem: refused.get(l.clientKey) } : l)));
    const rest = await flushQueue(store, post, attempt + 1);
    return { ...rest, setAside: refused.size };
  }
  removeKeys(store, new Set(pending.map((l) => l.clientKey)));
  return { outcome: "sent", sent: pending.length, setAside: 0 };
}

/** RFC 4122 v4, from crypto.randomUUID where the page is a secure context, else from getRandomValues. */
export function newClientKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
