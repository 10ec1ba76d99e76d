"use client";

import { useEffect, useRef, useState } from "react";

function clock(seconds: number) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * Counts a hold down from the prescribed seconds. Time comes from the clock,
 * not from counting ticks, so a phone that throttles timers stays right.
 * Announces start, the last 10 seconds and the end; buzzes at the end where
 * the phone can.
 */
export function HoldTimer({ seconds, name }: { seconds: number; name: string }) {
  const [remaining, setRemaining] = useState(seconds);
  const [running, setRunning] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const endsAt = useRef(0);

  useEffect(() => {
    if (!running) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((endsAt.current - Date.now()) / 1000));
      setRemaining(left);
      if (left === 10 && seconds > 15) setAnnouncement("10 seconds left.");
      if (left === 0) {
        setRunning(false);
        setAnnouncement("Hold complete. Relax.");
        if ("vibrate" in navigator) navigator.vibrate?.([200, 100, 200]);
      }
    };
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [running, seconds]);

  function start() {
    const from = remaining === 0 ? seconds : remaining;
    endsAt.current = Date.now() + from * 1000;
    setRemaining(from);
    setRunning(true);
    setAnnouncement(`Hold for ${from} seconds. Go.`);
  }

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-300 bg-slate-50 p-3">
      <div
        role="timer"
        aria-label={`Hold timer for ${name}`}
        className="min-w-20 text-3xl font-bold tabular-nums text-slate-900"
      >
        {clock(remaining)}
      </div>
      {running ? (
        <button
          type="button"
          onClick={() => {
            setRunning(false);
            setAnnouncement("Paused.");
          }}
          className="min-h-11 rounded-lg border border-slate-400 bg-white px-4 font-semibold"
        >
          Pause
        </button>
      ) : (
        <button
          type="button"
          onClick={start}
          className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white"
        >
          {remaining === seconds || remaining === 0 ? `Start ${seconds}-second hold` : "Resume"}
        </button>
      )}
      {remaining !== seconds && !running && (
        <button
          type="button"
          onClick={() => {
            setRemaining(seconds);
            setAnnouncement("");
          }}
          className="min-h-11 rounded-lg px-3 font-semibold text-brand-800 underline"
        >
          Reset
        </button>
      )}
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
