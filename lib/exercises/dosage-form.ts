/** A dosage as a form holds it (strings), and back. Client-safe: no server imports. */
import type { DosageKind } from "./catalog";
import type { Dosage } from "./dosage-rules";

export type DosageForm = {
  kind: DosageKind;
  sets: string;
  reps: string;
  holdSeconds: string;
  minutes: string;
  timesPerDay: string;
  daysPerWeek: string;
  side: "none" | "both" | "left" | "right";
  load: string;
  notes: string;
};

const str = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export function toDosageForm(d: Dosage & { notes?: string | null }): DosageForm {
  return {
    kind: d.kind,
    sets: str(d.sets),
    reps: str(d.reps),
    holdSeconds: str(d.holdSeconds),
    minutes: str(d.minutes),
    timesPerDay: str(d.timesPerDay),
    daysPerWeek: str(d.daysPerWeek),
    side: d.side ?? "none",
    load: d.load ?? "",
    notes: d.notes ?? "",
  };
}

/** The body the API's dosage schema parses (it accepts digit strings and blanks). */
export function dosageBody(f: DosageForm, withNotes: boolean) {
  const { notes, ...rest } = f;
  return withNotes ? { ...rest, notes } : rest;
}
