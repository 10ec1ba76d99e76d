"use client";

import { useWatch, type FieldPathByValue, type FieldValues, type Path } from "react-hook-form";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import type { ServerForm } from "@/components/ui/use-server-form";
import { DOSAGE_KINDS, type DosageKind } from "@/lib/exercises/catalog";
import type { DosageForm } from "@/lib/exercises/dosage-form";

// Short enough to read whole in a narrow select.
const KIND_OPTION: Record<DosageKind, string> = { reps: "Reps", hold: "Holds", duration: "Minutes" };
const SIDE_OPTION = { none: "No side", both: "Each side", left: "Left only", right: "Right only" } as const;

/**
 * Dosage inputs for one exercise, held by the surrounding form at `name`
 * (`defaultDosage`, or `items.2.dosage` in a program): the amount fields
 * follow the kind chosen (sets x reps, holds x seconds, or minutes). Errors,
 * the schema's or the server's, show beside each field under `<name>.<field>`.
 */
export function DosageFields<V extends FieldValues>({
  server,
  name,
  withNotes,
}: {
  server: ServerForm<V>;
  name: FieldPathByValue<V, DosageForm>;
  withNotes: boolean;
}) {
  const path = (f: keyof DosageForm) => `${name}.${f}` as Path<V>;
  const kind = useWatch({ control: server.form.control, name: path("kind") }) as DosageKind;
  const notes = useWatch({ control: server.form.control, name: path("notes") }) as string | undefined;
  const num = (f: keyof DosageForm, label: string) => (
    <TextField label={label} inputMode="numeric" {...server.field(path(f))} />
  );
  const notesErrors = withNotes ? server.errorsOf(path("notes")) : undefined;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <SelectField label="Dose by" {...server.field(path("kind"))}>
        {DOSAGE_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_OPTION[k]}
          </option>
        ))}
      </SelectField>
      {kind === "reps" && (
        <>
          {num("sets", "Sets")}
          {num("reps", "Reps")}
        </>
      )}
      {kind === "hold" && (
        <>
          {num("sets", "Holds")}
          {num("holdSeconds", "Seconds per hold")}
        </>
      )}
      {kind === "duration" && num("minutes", "Minutes")}
      {num("timesPerDay", "Times per day")}
      {num("daysPerWeek", "Days per week")}
      <SelectField label="Side" {...server.field(path("side"))}>
        {(["none", "both", "left", "right"] as const).map((s) => (
          <option key={s} value={s}>
            {SIDE_OPTION[s]}
          </option>
        ))}
      </SelectField>
      <TextField label="Load (optional)" placeholder="e.g. light band" {...server.field(path("load"))} />
      {withNotes && (
        <details className="col-span-2 sm:col-span-4" open={Boolean(notes || notesErrors)}>
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-brand-800">
            {notes ? "Note to the patient" : "Add a note to the patient"}
          </summary>
          <TextArea label="Note to the patient (optional)" rows={2} {...server.field(path("notes"))} />
        </details>
      )}
    </div>
  );
}
