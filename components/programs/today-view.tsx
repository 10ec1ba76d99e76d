"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { myExerciseContracts } from "@/lib/exercises/contracts";
import { myExerciseRoutes } from "@/lib/exercises/routes";
import { apiClient, ApiError } from "@/lib/http/api-client";
import { clearOfflineCopies } from "@/lib/offline/offline-copies";
import type { ExerciseLogInput } from "@/lib/programs/schema";
import type { TodayItem, TodayView as TodayData } from "@/lib/programs/get-today";
import { formatDateTime } from "@/lib/time/format";
import {
  discardLog,
  enqueueLog,
  flushQueue,
  localStorageStore,
  newClientKey,
  type FlushOutcome,
  type PendingLog,
} from "@/lib/programs/offline-log-queue";
import { HoldTimer } from "./hold-timer";
import { LogSessionForm, type LoggedValues } from "./log-session-form";
import { PainScale } from "./pain-scale";

const api = apiClient<typeof myExerciseContracts>(myExerciseRoutes);

async function fetchToday(): Promise<TodayData> {
  try {
    return (await api.today()).today;
  } catch (error) {
    // The session ended: this page's offline copy must not outlive it (docs/decisions/075).
    if (error instanceof ApiError && error.status === 401) void clearOfflineCopies();
    throw error;
  }
}

const postLogs = (logs: ExerciseLogInput[]) => api.logSessions({ body: { logs } });

const RETRY_MS = 30_000;

/**
 * The patient's day, phone first. Logs go into a queue on the phone first and
 * are sent from there (lib/programs/offline-log-queue.ts), so losing the
 * signal mid-session loses nothing and a retry never doubles a log.
 * Each exercise's picture and instructions come rendered from the server
 * (`details`, by item id): they never change on the phone, so their code
 * stays off the page's JavaScript (docs/decisions/072).
 */
export function TodayView({
  initial,
  patientId,
  details,
}: {
  initial: TodayData;
  patientId: string;
  details: Record<string, ReactNode>;
}) {
  const [data, setData] = useState(initial);
  const store = useMemo(() => localStorageStore(`mend.exercise-log-queue.${patientId}`), [patientId]);
  const [queue, setQueue] = useState<PendingLog[]>([]);
  // Sent logs stay counted here until the refreshed day includes them, so the count never dips.
  const [awaitingRefresh, setAwaitingRefresh] = useState<PendingLog[]>([]);
  const [sync, setSync] = useState<FlushOutcome | "sending" | "idle">("idle");
  const [online, setOnline] = useState(true);
  const [painBefore, setPainBefore] = useState<number | null>(initial.painBeforeToday);
  const [openForm, setOpenForm] = useState<string | null>(null);
  const [flash, setFlash] = useState("");
  const flushing = useRef(false);

  const painKey = `mend.pain-before.${patientId}.${data.today}`;
  useEffect(() => {
    const saved = window.localStorage.getItem(painKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
    if (saved !== null) setPainBefore(Number(saved));
  }, [painKey]);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    if (!navigator.onLine) {
      setSync("offline");
      return;
    }
    flushing.current = true;
    setSync("sending");
    const before = store.read();
    const result = await flushQueue(store, postLogs);
    flushing.current = false;
    const after = store.read();
    setQueue(after);
    setSync(result.outcome);
    if (result.outcome === "signed_out") void clearOfflineCopies();
    if (result.sent > 0) {
      const remaining = new Set(after.map((l) => l.clientKey));
      setAwaitingRefresh((prev) => [...prev, ...before.filter((l) => !remaining.has(l.clientKey))]);
      // A failed refresh keeps the counts shown (sent logs stay counted locally) until the next one.
      const fresh = await fetchToday().catch(() => null);
      if (fresh) {
        setData(fresh);
        setAwaitingRefresh([]);
      }
    }
  }, [store]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the queue lives in localStorage, readable only after hydration
    setQueue(store.read());
    setOnline(navigator.onLine);
    void flush();
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => {
      setOnline(false);
      setSync("offline");
    };
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    const timer = window.setInterval(() => {
      if (store.read().some((l) => !l.problem)) void flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      window.clearInterval(timer);
    };
  }, [flush, store]);

  function choosePain(v: number) {
    setPainBefore(v);
    window.localStorage.setItem(painKey, String(v));
  }

  function log(item: TodayItem, values: LoggedValues) {
    const entry: PendingLog = {
      clientKey: newClientKey(),
      itemId: item.itemId,
      performedAt: new Date().toISOString(),
      painBefore,
      ...values,
    };
    setQueue(enqueueLog(store, entry));
    setOpenForm(null);
    setFlash(
      values.completed
        ? `${item.exercise.name} saved. Well done!`
        : `Noted that you couldn't do ${item.exercise.name} today.`,
    );
    void flush();
  }

  const localDone = (itemId: string) =>
    [...queue.filter((l) => !l.problem), ...awaitingRefresh].filter((l) => l.itemId === itemId && l.completed).length;
  const waiting = queue.filter((l) => !l.problem).length;
  const refused = queue.filter((l) => l.problem);

  const statusText = !online
    ? waiting
      ? `You're offline. ${waiting} session${waiting === 1 ? " is" : "s are"} saved on this phone and will be sent when you're back online.`
      : "You're offline. You can keep logging; sessions are saved on this phone."
    : sync === "sending"
      ? "Saving…"
      : waiting
        ? `${waiting} session${waiting === 1 ? "" : "s"} waiting to be sent. We'll keep trying.`
        : sync === "signed_out"
          ? "Your session has ended. Sign in again to send your saved sessions."
          : "All your sessions are saved.";

  const items = data.items.map((item) => {
    const done = item.doneToday + localDone(item.itemId);
    const status =
      done >= item.dosage.timesPerDay ? "done_today" : item.status === "weekly_goal_met" ? "weekly_goal_met" : "due";
    return { item, done, status };
  });
  const dueCount = items.filter((i) => i.status === "due").length;

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Today&rsquo;s exercises</h1>
        <p className="mt-1 text-slate-700">{data.todayLabel}</p>
      </div>

      <p
        role="status"
        className={`rounded-lg border p-3 ${online ? "border-slate-300 bg-white" : "border-amber-400 bg-amber-50"}`}
      >
        {statusText}
      </p>
      {flash && (
        <p aria-live="polite" className="sr-only">
          {flash}
        </p>
      )}

      {refused.length > 0 && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-950">
          <p className="font-semibold">Some sessions could not be saved</p>
          <ul className="mt-2 flex flex-col gap-2">
            {refused.map((l) => (
              <li key={l.clientKey} className="flex flex-wrap items-center gap-2">
                <span>
                  {formatDateTime(l.performedAt, initial.clinic.timeZone)}: {l.problem}
                </span>
                <button
                  type="button"
                  className="min-h-11 font-semibold underline"
                  onClick={() => setQueue(discardLog(store, l.clientKey))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {data.state === "none" && (
        <p className="rounded-lg border border-slate-300 bg-white p-4">
          You don&rsquo;t have a home exercise program yet. Your therapist will set one up with you.
        </p>
      )}
      {data.state === "not_started" && data.startsOnLabel && (
        <p className="rounded-lg border border-slate-300 bg-white p-4">
          Your program &ldquo;{data.program?.title}&rdquo; starts on {data.startsOnLabel}.
        </p>
      )}
      {data.state === "ended" && (
        <p className="rounded-lg border border-slate-300 bg-white p-4">
          Your home exercise program has ended. Call {data.clinic.phone} if you would like to keep going with it.
        </p>
      )}

      {data.state === "active" && (
        <>
          <dl className="grid grid-cols-3 gap-2 text-center">
            <div className="rounded-lg border border-slate-300 bg-white p-2">
              <dt className="text-sm text-slate-700">Still to do</dt>
              <dd className="text-2xl font-bold">{dueCount}</dd>
            </div>
            <div className="rounded-lg border border-slate-300 bg-white p-2">
              <dt className="text-sm text-slate-700">Days in a row</dt>
              <dd className="text-2xl font-bold">{data.streak}</dd>
            </div>
            <div className="rounded-lg border border-slate-300 bg-white p-2">
              <dt className="text-sm text-slate-700">This week</dt>
              <dd className="text-2xl font-bold">
                {data.week.done}
                <span className="text-base font-normal text-slate-700"> / {data.week.prescribed}</span>
              </dd>
            </div>
          </dl>

          <section aria-labelledby="checkin" className="rounded-xl border border-slate-300 bg-white p-4">
            <h2 id="checkin" className="text-lg font-semibold">
              Before you start
            </h2>
            <PainScale
              name="pain-before"
              legend="How much does it hurt right now?"
              value={painBefore}
              onChange={choosePain}
            />
          </section>

          <ol className="flex flex-col gap-4">
            {items.map(({ item, done, status }) => (
              <li key={item.itemId}>
                <article
                  aria-labelledby={`ex-${item.itemId}`}
                  className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h2 id={`ex-${item.itemId}`} className="text-xl font-semibold text-slate-900">
                      {item.exercise.name}
                    </h2>
                    <span
                      className={`rounded-full px-3 py-1 text-sm font-semibold ${
                        status === "done_today"
                          ? "bg-emerald-100 text-emerald-900"
                          : status === "weekly_goal_met"
                            ? "bg-sky-100 text-sky-900"
                            : "bg-amber-100 text-amber-950"
                      }`}
                    >
                      {status === "done_today"
                        ? "Done for today"
                        : status === "weekly_goal_met"
                          ? "Done for this week"
                          : `Done ${done} of ${item.dosage.timesPerDay} today`}
                    </span>
                  </div>
                  <p className="mt-1 font-semibold text-brand-900">{item.dosageText}</p>
                  {item.dosage.notes && (
                    <p className="mt-1 text-slate-800">Note from your therapist: {item.dosage.notes}</p>
                  )}
                  {details[item.itemId]}
                  {item.holdSeconds && (
                    <div className="mt-3">
                      <HoldTimer seconds={item.holdSeconds} name={item.exercise.name} />
                    </div>
                  )}
                  <div className="mt-3">
                    {openForm === item.itemId ? (
                      <LogSessionForm item={item} onLog={(v) => log(item, v)} onCancel={() => setOpenForm(null)} />
                    ) : (
                      <button
                        type="button"
                        onClick={() => setOpenForm(item.itemId)}
                        className={`min-h-11 w-full rounded-lg px-4 py-2 font-semibold sm:w-auto ${
                          status === "due"
                            ? "bg-brand-700 text-white hover:bg-brand-800"
                            : "border border-slate-400 bg-white text-slate-900"
                        }`}
                      >
                        {status === "due" ? `Log ${item.exercise.name}` : `Log ${item.exercise.name} again`}
                      </button>
                    )}
                  </div>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
