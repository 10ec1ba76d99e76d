"use client";

import type { SaveState } from "./draft-saver";

function time(d: Date) {
  return d.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
}

/** Always visible: patients trust a form that tells them their answers are safe. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const [text, tone] =
    state.kind === "saved"
      ? [`Saved ${time(state.at)}`, "text-emerald-800"]
      : state.kind === "saving"
        ? ["Saving…", "text-slate-700"]
        : state.kind === "dirty"
          ? ["Saving soon…", "text-slate-700"]
          : state.kind === "offline"
            ? [
                "No connection: your answers are kept on this device and will be saved when you are back online.",
                "text-amber-900",
              ]
            : state.kind === "error"
              ? [state.message, "text-red-800"]
              : state.kind === "gone"
                ? [state.message, "text-red-800"]
                : ["Your answers save automatically.", "text-slate-700"];
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-state"
      data-state={state.kind}
      className={`text-sm font-medium ${tone}`}
    >
      {state.kind === "saved" && <span aria-hidden="true">✓ </span>}
      {text}
    </p>
  );
}
