"use client";

import { DOSAGE_KINDS, type DosageKind } from "@/lib/exercises/catalog";

// Short enough to read whole in a narrow select.
const KIND_OPTION: Record<DosageKind, string> = { reps: "Reps", hold: "Holds", duration: "Minutes" };
const SIDE_OPTION = { none: "No side", both: "Each side", left: "Left only", right: "Right only" } as const;
import type { DosageForm } from "@/lib/exercises/dosage-form";

const INPUT = "min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900";

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string[];
  children: (p: {
    id: string;
    "aria-invalid"?: boolean;
    "aria-describedby"?: string;
    className: string;
  }) => React.ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error?.length ? true : undefined,
        "aria-describedby": error?.length ? errorId : undefined,
        className: `${INPUT} ${error?.length ? "border-red-700" : "border-slate-400"}`,
      })}
      {error?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Dosage inputs for one exercise: the amount fields follow the kind chosen
 * (sets x reps, holds x seconds, or minutes). `errors` are keyed by field
 * name, as the API's field errors are under `<prefix>.<field>`.
 */
export function DosageFields({
  idPrefix,
  value,
  onChange,
  errors = {},
  withNotes,
}: {
  idPrefix: string;
  value: DosageForm;
  onChange: (next: DosageForm) => void;
  errors?: Record<string, string[] | undefined>;
  withNotes: boolean;
}) {
  const set = (patch: Partial<DosageForm>) => onChange({ ...value, ...patch });
  const num = (field: keyof DosageForm, label: string) => (
    <Field id={`${idPrefix}-${field}`} label={label} error={errors[field]}>
      {(p) => (
        <input {...p} inputMode="numeric" value={value[field]} onChange={(e) => set({ [field]: e.target.value })} />
      )}
    </Field>
  );
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Field id={`${idPrefix}-kind`} label="Dose by" error={errors.kind}>
        {(p) => (
          <select {...p} value={value.kind} onChange={(e) => set({ kind: e.target.value as DosageKind })}>
            {DOSAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_OPTION[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.kind === "reps" && (
        <>
          {num("sets", "Sets")}
          {num("reps", "Reps")}
        </>
      )}
      {value.kind === "hold" && (
        <>
          {num("sets", "Holds")}
          {num("holdSeconds", "Seconds per hold")}
        </>
      )}
      {value.kind === "duration" && num("minutes", "Minutes")}
      {num("timesPerDay", "Times per day")}
      {num("daysPerWeek", "Days per week")}
      <Field id={`${idPrefix}-side`} label="Side" error={errors.side}>
        {(p) => (
          <select {...p} value={value.side} onChange={(e) => set({ side: e.target.value as DosageForm["side"] })}>
            {(["none", "both", "left", "right"] as const).map((s) => (
              <option key={s} value={s}>
                {SIDE_OPTION[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-load`} label="Load (optional)" error={errors.load}>
        {(p) => (
          <input
            {...p}
            value={value.load}
            placeholder="e.g. light band"
            onChange={(e) => set({ load: e.target.value })}
          />
        )}
      </Field>
      {withNotes && (
        <details className="col-span-2 sm:col-span-4" open={Boolean(value.notes || errors.notes)}>
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-brand-800">
            {value.notes ? "Note to the patient" : "Add a note to the patient"}
          </summary>
          <Field id={`${idPrefix}-notes`} label="Note to the patient (optional)" error={errors.notes}>
            {(p) => <textarea {...p} rows={2} value={value.notes} onChange={(e) => set({ notes: e.target.value })} />}
          </Field>
        </details>
      )}
    </div>
  );
}
