import { ApiError } from "@/lib/http/api-client";
import type { DraftAnswers } from "@/lib/intake/schema";
import type { IntakeStepId } from "@/lib/intake/steps";
import { messageOf, type IntakeFillApi, type SavedDraft } from "./intake-fill-api";

/** Saved within 2 s of the last change (the limit), leaving room for the request itself. */
const DEBOUNCE_MS = 1200;
const RETRY_MS = 8000;

export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "error"; message: string }
  | { kind: "gone"; message: string };

export type Backup = { answers: DraftAnswers; baseRevision: number; currentStep: IntakeStepId | null; at: string };

export const backupKey = (intakeId: string) => `mend-intake-draft:${intakeId}`;

/**
 * Only while a change has not reached the server does the device keep a copy,
 * so a closed tab or a lost network loses nothing. It is removed as soon as
 * the server has the answers (docs/decisions/012).
 */
export function readBackup(intakeId: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(intakeId));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

export function clearBackup(intakeId: string) {
  try {
    window.localStorage.removeItem(backupKey(intakeId));
  } catch {
    // Storage disabled: nothing was kept.
  }
}

export type SaverOptions = {
  intakeId: string;
  api: IntakeFillApi;
  revision: number;
  onState(state: SaveState): void;
  /** Another device saved first: these are its answers, which now win. */
  onReplaced(answers: DraftAnswers, message: string): void;
  onFieldErrors(errors: Record<string, string[]>): void;
};

/**
 * Autosave outside React: one request in flight at a time (so saves cannot
 * arrive out of order), the revision check against other devices, the device
 * backup while unsynced, a flush when the tab is hidden, retries when online.
 */
export class DraftSaver {
  private latest: { answers: DraftAnswers; step: IntakeStepId | null; version: number } | null = null;
  private savedVersion = 0;
  private revision: number;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retry: ReturnType<typeof setInterval> | null = null;

  constructor(private opts: SaverOptions) {
    this.revision = opts.revision;
  }

  get hasUnsaved(): boolean {
    return this.latest !== null && this.latest.version !== this.savedVersion;
  }

  change(answers: DraftAnswers, step: IntakeStepId | null) {
    const version = (this.latest?.version ?? 0) + 1;
    this.latest = { answers, step, version };
    try {
      const backup: Backup = { answers, baseRevision: this.revision, currentStep: step, at: new Date().toISOString() };
      window.localStorage.setItem(backupKey(this.opts.intakeId), JSON.stringify(backup));
    } catch {
      // Storage full or disabled (private browsing): the server save is still attempted.
    }
    this.opts.onState({ kind: "dirty" });
    this.schedule();
  }

  /** Saves now and waits; used before submitting. */
  async flush(keepalive = false): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight) await this.inFlight;
    const p = this.send(keepalive).finally(() => {
      this.inFlight = null;
    });
    this.inFlight = p;
    await p;
    if (this.hasUnsaved && !keepalive) this.schedule();
  }

  start() {
    document.addEventListener("visibilitychange", this.onHidden);
    window.addEventListener("pagehide", this.onHidden);
    window.addEventListener("online", this.onOnline);
    this.retry = setInterval(() => {
      if (this.hasUnsaved && !this.inFlight && !this.timer) void this.flush();
    }, RETRY_MS);
  }

  stop() {
    document.removeEventListener("visibilitychange", this.onHidden);
    window.removeEventListener("pagehide", this.onHidden);
    window.removeEventListener("online", this.onOnline);
    if (this.retry) clearInterval(this.retry);
    if (this.timer) clearTimeout(this.timer);
  }

  private onHidden = () => {
    if (document.visibilityState === "hidden" && this.hasUnsaved) void this.flush(true);
  };

  private onOnline = () => {
    if (this.hasUnsaved) void this.flush();
  };

  private schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  private async send(keepalive: boolean): Promise<void> {
    const pending = this.latest;
    if (!pending || pending.version === this.savedVersion) return;
    this.opts.onState({ kind: "saving" });
    let saved: SavedDraft;
    try {
      saved = await this.opts.api.save(
        { answers: pending.answers, baseRevision: this.revision, currentStep: pending.step ?? undefined },
        // A page being hidden or closed can still send a keepalive POST.
        keepalive,
      );
    } catch (error) {
      return this.refused(error);
    }
    this.revision = saved.revision;
    this.savedVersion = pending.version;
    if (this.latest?.version === pending.version) {
      clearBackup(this.opts.intakeId);
      this.opts.onState({ kind: "saved", at: new Date(saved.savedAt) });
    }
  }

  private async refused(error: unknown): Promise<void> {
    if (!(error instanceof ApiError) || error.status === 0) {
      this.opts.onState({ kind: "offline" });
      return;
    }
    if (error.status === 409) return this.adoptServerCopy();
    if (error.status === 410 || error.status === 404 || error.status === 401) {
      this.opts.onState({ kind: "gone", message: messageOf(error, "This intake can no longer be changed.") });
      return;
    }
    if (error.status === 422) {
      this.opts.onFieldErrors(
        Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k.replace(/^answers\./, ""), v])),
      );
    }
    this.opts.onState({
      kind: "error",
      message: messageOf(error, "We could not save your answers just now. We will keep trying."),
    });
  }

  /** Another device or tab saved since we loaded: its answers win, and we carry on from its revision. */
  private async adoptServerCopy() {
    let fresh: Awaited<ReturnType<IntakeFillApi["load"]>>;
    try {
      fresh = await this.opts.api.load();
    } catch (error) {
      this.opts.onState({ kind: "gone", message: messageOf(error, "This intake can no longer be changed.") });
      return;
    }
    this.revision = fresh.revision;
    this.latest = null;
    this.savedVersion = 0;
    clearBackup(this.opts.intakeId);
    this.opts.onReplaced(
      // The server sends the answers as its schema parsed them (the output shape, e.g. region codes narrowed).
      fresh.answers as DraftAnswers,
      "You continued this intake on another device or tab, so we loaded your latest answers.",
    );
    this.opts.onState({ kind: "saved", at: new Date() });
  }
}
