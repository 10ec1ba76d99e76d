"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextArea, TextField } from "@/components/ui/field";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import {
  BODY_AREA_LABEL,
  BODY_AREAS,
  EQUIPMENT,
  EQUIPMENT_LABEL,
  POSITION_LABEL,
  POSITIONS,
  type BodyArea,
  type Equipment,
  type Position,
} from "@/lib/exercises/catalog";
import { dosageBody, toDosageForm, type DosageForm } from "@/lib/exercises/dosage-form";
import type { ExerciseView } from "@/lib/exercises/exercise-view";
import { FIGURE_KEYS, FIGURES } from "@/lib/exercises/figures";
import { exerciseInputSchema } from "@/lib/exercises/schema";
import { DosageFields } from "./dosage-fields";
import { ExerciseFigure } from "./exercise-figure";
import { exercisesApi } from "./exercises-api";

/** The form's values: lists are typed one per line (steps) or comma-separated (muscles); the schema splits them. */
type ExerciseValues = {
  name: string;
  summary: string;
  bodyArea: BodyArea;
  position: Position;
  equipment: Equipment[];
  targetMuscles: string;
  steps: string;
  cues: string;
  cautions: string;
  figureKey: string;
  defaultDosage: DosageForm;
};

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

const EQUIPMENT_OPTIONS = EQUIPMENT.map((q) => ({ value: q, label: EQUIPMENT_LABEL[q] }));

function valuesOf(exercise: ExerciseView | undefined): ExerciseValues {
  return {
    name: exercise?.name ?? "",
    summary: exercise?.summary ?? "",
    bodyArea: exercise?.bodyArea ?? "lower_back",
    position: exercise?.position ?? "standing",
    equipment: exercise?.equipment ?? [],
    targetMuscles: exercise?.targetMuscles.join(", ") ?? "",
    steps: exercise?.steps.join("\n") ?? "",
    cues: exercise?.cues.join("\n") ?? "",
    cautions: exercise?.cautions.join("\n") ?? "",
    figureKey: exercise?.figureKey ?? "",
    defaultDosage: exercise ? toDosageForm(exercise.defaultDosage) : DEFAULT_DOSAGE,
  };
}

/** Add or edit a library entry; the same zod schema checks it here and on the server. */
export function ExerciseForm({ exercise }: { exercise?: ExerciseView }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const server = useServerForm<ExerciseValues, ExerciseView>({
    defaultValues: valuesOf(exercise),
    schema: exerciseInputSchema,
    submit: (values) => {
      setSaved(false);
      const body = { ...values, defaultDosage: dosageBody(values.defaultDosage, false) };
      return settle(
        (exercise
          ? exercisesApi.update({ params: { exerciseId: exercise.id }, body })
          : exercisesApi.create({ body })
        ).then((r) => r.exercise),
      );
    },
    onSuccess: (created) => {
      if (exercise) setSaved(true);
      else router.push(`/clinic/exercises/${created.id}?created=1`);
      router.refresh();
    },
  });
  const { form, onSubmit, pending, formError, field } = server;
  const [figureKey, position] = useWatch({ control: form.control, name: ["figureKey", "position"] });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {saved && (
        <Alert tone="success" role="status">
          Saved. Programs that use this exercise show the new steps and pictures; their dosages are unchanged.
        </Alert>
      )}
      {formError && (
        <Alert tone="danger" role="alert">
          {formError}
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Name" {...field("name")} />
        <TextField label="What it is for (one line)" {...field("summary")} />
        <SelectField label="Body area" {...field("bodyArea")}>
          {BODY_AREAS.map((b) => (
            <option key={b} value={b}>
              {BODY_AREA_LABEL[b]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Position" {...field("position")}>
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {POSITION_LABEL[p]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Target muscles"
          hint="Separate with commas, e.g. quadratus lumborum, obliques"
          {...field("targetMuscles")}
        />
        <CheckboxGroup legend="Equipment" options={EQUIPMENT_OPTIONS} inline {...field("equipment")} />
      </div>
      <TextArea label="Steps" hint="One step per line, in plain words." rows={5} {...field("steps")} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextArea label="Cues (optional)" hint="One per line." rows={3} {...field("cues")} />
        <TextArea label="Cautions (optional)" hint="One per line." rows={3} {...field("cautions")} />
      </div>
      <div className="grid items-end gap-4 md:grid-cols-[1fr_12rem]">
        <SelectField label="Drawing" hint="Shown when no picture or video is uploaded." {...field("figureKey")}>
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
        <DosageFields server={server} name="defaultDosage" withNotes={false} />
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : exercise ? "Save changes" : "Add to library"}
        </Button>
      </div>
    </form>
  );
}
