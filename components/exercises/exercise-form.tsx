"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import {
  BODY_AREA_LABEL,
  BODY_AREAS,
  EQUIPMENT,
  EQUIPMENT_LABEL,
  POSITION_LABEL,
  POSITIONS,
  type Equipment,
  type Position,
  type BodyArea,
} from "@/lib/exercises/catalog";
import { dosageBody, toDosageForm, type DosageForm } from "@/lib/exercises/dosage-form";
import type { ExerciseView } from "@/lib/exercises/exercise-view";
import { FIGURE_KEYS, FIGURES } from "@/lib/exercises/figures";
import { exerciseInputSchema } from "@/lib/exercises/schema";
import { DosageFields } from "./dosage-fields";
import { ExerciseFigure } from "./exercise-figure";
import type { FieldErrors } from "@/lib/errors";
import { ApiError } from "@/lib/http/api-client";
import { exercisesApi } from "./exercises-api";

const DEFAULT_DOSAGE: DosageForm = toDosageForm({
  kind: "reps",
  sets: 2,
  reps: 10,
  holdSeconds: null,
  minutes: null,
  timesPerDay: 1,
  daysPerWeek: 7,
  side: null,
  load: null,
});

/** Add or edit a library entry; the same zod schema checks it here and on the server. */
export function ExerciseForm({ exercise }: { exercise?: ExerciseView }) {
  const router = useRouter();
  const [name, setName] = useState(exercise?.name ?? "");
  const [summary, setSummary] = useState(exercise?.summary ?? "");
  const [bodyArea, setBodyArea] = useState<BodyArea>(exercise?.bodyArea ?? "lower_back");
  const [position, setPosition] = useState<Position>(exercise?.position ?? "standing");
  const [equipment, setEquipment] = useState<Equipment[]>(exercise?.equipment ?? []);
  const [muscles, setMuscles] = useState(exercise?.targetMuscles.join(", ") ?? "");
  const [steps, setSteps] = useState(exercise?.steps.join("\n") ?? "");
  const [cues, setCues] = useState(exercise?.cues.join("\n") ?? "");
  const [cautions, setCautions] = useState(exercise?.cautions.join("\n") ?? "");
  const [figureKey, setFigureKey] = useState(exercise?.figureKey ?? "");
  const [dosage, setDosage] = useState<DosageForm>(exercise ? toDosageForm(exercise.defaultDosage) : DEFAULT_DOSAGE);
  const [errors, setErrors] = useState<FieldErrors>({});

  const body = () => ({
    name,
    summary,
    bodyArea,
    position,
    equipment,
    targetMuscles: muscles,
    steps,
    cues,
    cautions,
    figureKey,
    defaultDosage: dosageBody(dosage, false),
  });

  const save = useMutation({
    mutationFn: () =>
      (exercise
        ? exercisesApi.update({ params: { exerciseId: exercise.id }, body: body() })
        : exercisesApi.create({ body: body() })
      ).then((r) => r.exercise),
    // The server's field errors go beside the fields, like the ones the schema finds here.
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors : {}),
    onSuccess: (saved) => {
      if (!exercise) router.push(`/clinic/exercises/${saved.id}?created=1`);
      router.refresh();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = exerciseInputSchema.safeParse(body());
    if (!parsed.success) {
      const out: FieldErrors = {};
      for (const i of parsed.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
      setErrors(out);
      return;
    }
    setErrors({});
    save.mutate();
  }

  const dosageErrors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith("defaultDosage.")) dosageErrors[k.slice(14)] = v;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {save.isSuccess && exercise && (
        <Alert tone="success" role="status">
          Saved. Programs that use this exercise show the new steps and pictures; their dosages are unchanged.
        </Alert>
      )}
      {save.isError && (
        <Alert tone="danger" role="alert">
          {save.error.message}
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} />
        <TextField
          label="What it is for (one line)"
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          errors={errors.summary}
        />
        <SelectField
          label="Body area"
          value={bodyArea}
          onChange={(e) => setBodyArea(e.target.value as BodyArea)}
          errors={errors.bodyArea}
        >
          {BODY_AREAS.map((b) => (
            <option key={b} value={b}>
              {BODY_AREA_LABEL[b]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Position"
          value={position}
          onChange={(e) => setPosition(e.target.value as Position)}
          errors={errors.position}
        >
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {POSITION_LABEL[p]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Target muscles"
          hint="Separate with commas, e.g. quadratus lumborum, obliques"
          value={muscles}
          onChange={(e) => setMuscles(e.target.value)}
          errors={errors.targetMuscles}
        />
        <fieldset>
          <legend className="font-medium">Equipment</legend>
          <div className="mt-1 flex flex-wrap gap-x-4">
            {EQUIPMENT.map((q) => (
              <label key={q} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  checked={equipment.includes(q)}
                  onChange={(e) => setEquipment((xs) => (e.target.checked ? [...xs, q] : xs.filter((x) => x !== q)))}
                  className="h-5 w-5 accent-brand-700"
                />
                {EQUIPMENT_LABEL[q]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <TextArea
        label="Steps"
        hint="One step per line, in plain words."
        value={steps}
        onChange={(e) => setSteps(e.target.value)}
        errors={errors.steps}
        rows={5}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <TextArea
          label="Cues (optional)"
          hint="One per line."
          value={cues}
          onChange={(e) => setCues(e.target.value)}
          errors={errors.cues}
          rows={3}
        />
        <TextArea
          label="Cautions (optional)"
          hint="One per line."
          value={cautions}
          onChange={(e) => setCautions(e.target.value)}
          errors={errors.cautions}
          rows={3}
        />
      </div>
      <div className="grid items-end gap-4 md:grid-cols-[1fr_12rem]">
        <SelectField
          label="Drawing"
          hint="Shown when no picture or video is uploaded."
          value={figureKey}
          onChange={(e) => setFigureKey(e.target.value)}
          errors={errors.figureKey}
        >
          <option value="">A plain figure of the position</option>
          {FIGURE_KEYS.filter((k) => !k.startsWith("generic_")).map((k) => (
            <option key={k} value={k}>
              {FIGURES[k].description}
            </option>
          ))}
        </SelectField>
        <div className="rounded border border-slate-200">
          <ExerciseFigure figureKey={figureKey || null} position={position} />
        </div>
      </div>
      <fieldset className="rounded-xl border border-slate-200 p-3">
        <legend className="px-1 font-medium">Usual dosage</legend>
        <DosageFields
          idPrefix="ex-dosage"
          value={dosage}
          onChange={setDosage}
          errors={dosageErrors}
          withNotes={false}
        />
      </fieldset>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : exercise ? "Save changes" : "Add to library"}
        </Button>
      </div>
    </form>
  );
}
