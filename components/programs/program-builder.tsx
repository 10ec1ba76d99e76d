"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useRef, useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { DosageFields } from "@/components/exercises/dosage-fields";
import { ExerciseFigure } from "@/components/exercises/exercise-figure";
import { ExerciseFilterSelects } from "@/components/exercises/exercise-filter-selects";
import { exercisesApi } from "@/components/exercises/exercises-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { settle, useServerForm, type ServerForm } from "@/components/ui/use-server-form";
import { dosageBody, toDosageForm, type DosageForm } from "@/lib/exercises/dosage-form";
import type { ExerciseView } from "@/lib/exercises/exercise-view";
import type { ProgramTemplateView } from "@/lib/programs/program-templates";
import { MATCHED_APPROACH, type MatchedRiskGroup } from "@/lib/episodes/matched-care-rules";
import type { ProgramView } from "@/lib/programs/program-view";
import { saveProgramSchema, saveTemplateSchema } from "@/lib/programs/schema";

type LibraryExercise = Pick<
  ExerciseView,
  | "id"
  | "name"
  | "summary"
  | "position"
  | "figureKey"
  | "bodyArea"
  | "defaultDosage"
  | "defaultDosageText"
  | "targetMuscles"
>;
/** One program row: what is sent (exerciseId, dosage) and the library entry it shows (never sent). */
type Item = { exerciseId: string; exercise: LibraryExercise; dosage: DosageForm };
type ProgramValues = {
  /** The version the editor started from; null to create the patient's program. */
  baseVersion: number | null;
  title: string;
  startDate: string;
  endDate: string;
  changeNote: string;
  templateId: string | null;
  items: Item[];
};

function itemsOf(items: { exercise: LibraryExercise; dosage: Parameters<typeof toDosageForm>[0] }[]): Item[] {
  return items.map((i) => ({ exerciseId: i.exercise.id, exercise: i.exercise, dosage: toDosageForm(i.dosage) }));
}

function valuesOf(program: ProgramView): ProgramValues {
  return {
    baseVersion: program.status === "active" ? program.currentVersion : null,
    title: program.current.title,
    startDate: program.current.startDate,
    endDate: program.current.endDate ?? "",
    changeNote: "",
    templateId: null,
    items: itemsOf(program.current.items),
  };
}

/** The items as the API takes them. */
const itemsBody = (items: Item[]) =>
  items.map((i) => ({ exerciseId: i.exerciseId, dosage: dosageBody(i.dosage, true) }));

function SortableRow({
  server,
  exercise,
  index,
  count,
  onMove,
  onRemove,
  registerMoveButton,
}: {
  server: ServerForm<ProgramValues>;
  exercise: LibraryExercise;
  index: number;
  count: number;
  onMove: (to: number, via: "up" | "down") => void;
  onRemove: () => void;
  registerMoveButton: (dir: "up" | "down", el: HTMLButtonElement | null) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: exercise.id,
  });
  const name = exercise.name;
  const legendId = `row-${exercise.id}-legend`;
  const exerciseErrors = server.errorsOf(`items.${index}.exerciseId`);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`rounded-xl border bg-white p-3 ${isDragging ? "z-10 border-brand-700 shadow-lg" : "border-slate-300"}`}
    >
      <fieldset aria-labelledby={legendId} className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Drag ${name} to reorder`}
            className="min-h-11 min-w-11 cursor-grab touch-none rounded-lg border border-slate-300 text-xl text-slate-700"
          >
            <span aria-hidden="true">⠿</span>
          </button>
          <span className="w-16 shrink-0 rounded border border-slate-200">
            <ExerciseFigure figureKey={exercise.figureKey} position={exercise.position} />
          </span>
          <h3 id={legendId} className="flex-1 font-semibold text-slate-900">
            <span className="sr-only">Exercise {index + 1}: </span>
            {name}
          </h3>
          <button
            type="button"
            ref={(el) => registerMoveButton("up", el)}
            onClick={() => onMove(index - 1, "up")}
            disabled={index === 0}
            aria-label={`Move ${name} up`}
            className="min-h-11 min-w-11 rounded-lg border border-slate-300 font-semibold disabled:opacity-40"
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            ref={(el) => registerMoveButton("down", el)}
            onClick={() => onMove(index + 1, "down")}
            disabled={index === count - 1}
            aria-label={`Move ${name} down`}
            className="min-h-11 min-w-11 rounded-lg border border-slate-300 font-semibold disabled:opacity-40"
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove ${name}`}
            className="min-h-11 rounded-lg px-3 font-semibold text-red-700 underline"
          >
            Remove
          </button>
        </div>
        {exerciseErrors && <p className="mt-1 text-sm font-medium text-red-700">{exerciseErrors.join(" ")}</p>}
        <div className="mt-3">
          <DosageFields server={server} name={`items.${index}.dosage`} withNotes />
        </div>
      </fieldset>
    </li>
  );
}

function LibraryPicker({ added, onAdd }: { added: Set<string>; onAdd: (e: LibraryExercise) => void }) {
  const [filters, setFilters] = useState({ q: "", bodyArea: "", position: "", equipment: "", muscle: "" });
  const deferred = useDeferredValue(filters);
  const { data, isPending, error } = useQuery({
    queryKey: ["exercise-library", deferred],
    queryFn: () => exercisesApi.list({ query: deferred }),
    placeholderData: (prev) => prev,
  });
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [k]: e.target.value }));
  return (
    <section aria-labelledby="library-heading" className="flex flex-col gap-3">
      <h2 id="library-heading" className="text-lg font-semibold">
        Exercise library
      </h2>
      <TextField
        label="Search the library"
        type="search"
        value={filters.q}
        onChange={set("q")}
        placeholder="Name, purpose or muscle"
      />
      <div className="grid grid-cols-2 gap-2">
        <ExerciseFilterSelects filters={filters} muscles={data?.muscles} onChange={set} />
      </div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {isPending ? "Searching…" : error ? error.message : `${data?.exercises.length ?? 0} exercises found`}
      </p>
      <ul className="flex max-h-[36rem] flex-col divide-y divide-slate-200 overflow-y-auto rounded-lg border border-slate-200 bg-white">
        {data?.exercises.map((e) => (
          <li key={e.id} className="flex items-center gap-3 p-2">
            <span className="w-14 shrink-0">
              <ExerciseFigure figureKey={e.figureKey} position={e.position} />
            </span>
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{e.name}</span>
              <span className="block text-sm text-slate-700">{e.defaultDosageText}</span>
            </span>
            <button
              type="button"
              onClick={() => onAdd(e)}
              disabled={added.has(e.id)}
              aria-label={added.has(e.id) ? `${e.name} is in the program` : `Add ${e.name}`}
              className="min-h-11 shrink-0 rounded-lg border border-brand-700 px-3 font-semibold text-brand-800 hover:bg-brand-50 disabled:border-slate-300 disabled:text-slate-600"
            >
              {added.has(e.id) ? "Added" : "Add"}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Build or edit a patient's program: pick from the library (or start from a
 * template), set each dosage, reorder by dragging or with the arrow buttons
 * (the drag handle also works from the keyboard: Space, arrows, Space), set
 * dates, and save. Saving names the version it started from; if someone else
 * saved first, the save is refused and the current version is offered.
 */
export function ProgramBuilder({
  patient,
  program,
  templates,
  today,
  matchedCare = null,
}: {
  patient: { id: string; name: string };
  program: ProgramView | null;
  templates: ProgramTemplateView[];
  today: string;
  /** The patient's STarT Back group and the template marked for it, pre-selected (decision 097). */
  matchedCare?: { risk: MatchedRiskGroup; templateId: string | null } | null;
}) {
  const router = useRouter();
  const editing = program?.status === "active" ? program : null;
  const [announcement, setAnnouncement] = useState("");
  const [undo, setUndo] = useState<{ items: Item[]; label: string } | null>(null);
  const [chosenTemplate, setChosenTemplate] = useState(matchedCare?.templateId ?? templates[0]?.id ?? "");
  const [conflict, setConflict] = useState<string | null>(null);
  const [templateSaved, setTemplateSaved] = useState<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement | null>());

  const current = useQuery({
    queryKey: ["program", patient.id],
    queryFn: () => exercisesApi.getProgram({ params: { patientId: patient.id } }),
    enabled: false,
  });

  const server = useServerForm<ProgramValues, { version: number }>({
    defaultValues: editing
      ? valuesOf(editing)
      : {
          baseVersion: null,
          title: "Home exercise program",
          startDate: today,
          endDate: "",
          changeNote: "",
          templateId: null,
          items: [],
        },
    schema: saveProgramSchema,
    submit: async (values) => {
      setConflict(null);
      const outcome = await settle(
        exercisesApi
          .saveProgram({ params: { patientId: patient.id }, body: { ...values, items: itemsBody(values.items) } })
          .then((r) => r.result),
      );
      if (outcome.ok || outcome.status !== 409) return outcome;
      // Someone else saved first: the conflict box says so and offers what they saved, in place of the form's message.
      setConflict(outcome.message);
      void current.refetch();
      return null;
    },
    onSuccess: (result) => {
      router.push(`/clinic/patients/${patient.id}/exercises?saved=${result.version}`);
      router.refresh();
    },
  });
  const { form, onSubmit, pending, formError, field, errorsOf } = server;
  const rows = useFieldArray({ control: form.control, name: "items" });
  const baseVersion = useWatch({ control: form.control, name: "baseVersion" });

  const templateForm = useServerForm<{ name: string }, { name: string }>({
    defaultValues: { name: "" },
    schema: saveTemplateSchema.pick({ name: true }),
    submit: (values) => {
      setTemplateSaved(null);
      const body = { name: values.name, items: itemsBody(form.getValues("items")) };
      return settle(exercisesApi.saveTemplate({ body }).then((r) => r.template));
    },
    onSuccess: (template) => {
      // Not reset(): with no values it resets the surrounding <form>, which is the program's.
      templateForm.form.setValue("name", "");
      setTemplateSaved(`Saved as the template “${template.name}”.`);
      setAnnouncement(`Saved as the template “${template.name}”.`);
    },
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const count = rows.fields.length;
  const indexOf = (id: string | number | undefined) => rows.fields.findIndex((r) => r.exerciseId === id);
  const nameOf = (id: string | number) => rows.fields[indexOf(id)]?.exercise.name ?? "exercise";
  // dnd-kit reports "over" on every measure, the item's own place included; announce only real moves.
  const lastOver = useRef<string | number | null>(null);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastOver.current = active.id;
      return `Picked up ${nameOf(active.id)}, position ${indexOf(active.id) + 1} of ${count}.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over || over.id === lastOver.current) return undefined;
      lastOver.current = over.id;
      return `${nameOf(active.id)} moved to position ${indexOf(over.id) + 1} of ${count}.`;
    },
    onDragEnd: ({ active, over }) =>
      `${nameOf(active.id)} dropped at position ${indexOf(over?.id ?? active.id) + 1} of ${count}.`,
    onDragCancel: ({ active }) => `Reordering cancelled. ${nameOf(active.id)} is back where it was.`,
  };

  function add(e: LibraryExercise) {
    if (indexOf(e.id) >= 0) return;
    // Focus stays in the library, where the next exercise is picked.
    rows.append({ exerciseId: e.id, exercise: e, dosage: toDosageForm(e.defaultDosage) }, { shouldFocus: false });
    setAnnouncement(`${e.name} added with its usual dosage. ${count + 1} exercises in the program.`);
  }

  function move(from: number, to: number, via?: "up" | "down") {
    if (to < 0 || to >= count) return;
    const moved = rows.fields[from]!.exercise;
    rows.move(from, to);
    setAnnouncement(`${moved.name} moved to position ${to + 1} of ${count}.`);
    if (via) {
      // Keep focus on the button pressed, so Move up can be pressed again; at the end, on the other one.
      const edge = (via === "up" && to === 0) || (via === "down" && to === count - 1);
      const dir = edge ? (via === "up" ? "down" : "up") : via;
      requestAnimationFrame(() => moveButtons.current.get(`${moved.id}:${dir}`)?.focus());
    }
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    move(indexOf(active.id), indexOf(over.id));
  }

  function useTemplate() {
    const t = templates.find((x) => x.id === chosenTemplate);
    if (!t) return;
    if (count) setUndo({ items: form.getValues("items"), label: t.name });
    rows.replace(itemsOf(t.items));
    form.setValue("templateId", t.id);
    if (!editing && form.getValues("title") === "Home exercise program") form.setValue("title", t.name);
    setAnnouncement(`Loaded ${t.items.length} exercises from “${t.name}”.`);
  }

  const latest = current.data?.program;
  // Only a tampered page gets these wrong; they have no field, so they are told under the heading.
  const versionErrors = [...(errorsOf("baseVersion") ?? []), ...(errorsOf("templateId") ?? [])];
  const listErrors = errorsOf("items");

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="flex flex-col gap-6">
        {templates.length > 0 && (
          <section
            aria-labelledby="templates-heading"
            className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4"
          >
            <h2 id="templates-heading" className="text-lg font-semibold">
              Start from a template
            </h2>
            <SelectField label="Template" value={chosenTemplate} onChange={(e) => setChosenTemplate(e.target.value)}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.items.length} exercises)
                </option>
              ))}
            </SelectField>
            {matchedCare && (
              <p className="text-sm text-slate-700" data-testid="matched-template-hint">
                {matchedCare.templateId
                  ? `Pre-selected because it suits STarT Back ${matchedCare.risk} risk, this patient's group (${MATCHED_APPROACH[matchedCare.risk].approach}). A suggestion: choose what fits.`
                  : `No template is marked as suiting STarT Back ${matchedCare.risk} risk, this patient's group (${MATCHED_APPROACH[matchedCare.risk].approach}).`}
              </p>
            )}
            <Button variant="secondary" onClick={useTemplate}>
              {count ? "Replace with this template" : "Use this template"}
            </Button>
            {undo && (
              <p className="text-sm">
                Replaced your exercises with &ldquo;{undo.label}&rdquo;.{" "}
                <button
                  type="button"
                  className="min-h-11 font-semibold text-brand-800 underline"
                  onClick={() => {
                    rows.replace(undo.items);
                    setUndo(null);
                    form.setValue("templateId", null);
                  }}
                >
                  Undo
                </button>
              </p>
            )}
          </section>
        )}
        <LibraryPicker added={new Set(rows.fields.map((r) => r.exerciseId))} onAdd={add} />
      </div>

      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="program-heading">
        <h2 id="program-heading" className="text-lg font-semibold">
          {editing ? `Edit program (now version ${baseVersion})` : "New program"} for {patient.name}
        </h2>
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
        {templateSaved && (
          <Alert tone="success" role="status">
            {templateSaved}
          </Alert>
        )}
        {conflict && (
          <Alert tone="danger" role="alert" title="Not saved: someone else changed this program">
            <p>{conflict}</p>
            {latest && (
              <div className="mt-2">
                <p className="font-semibold">
                  Current version {latest.currentVersion}, saved by {latest.current.createdByName}:
                </p>
                <ol className="ml-5 list-decimal">
                  {latest.current.items.map((i) => (
                    <li key={i.id}>
                      {i.exercise.name}: {i.dosageText}
                    </li>
                  ))}
                </ol>
                <Button
                  variant="secondary"
                  className="mt-2"
                  onClick={() => {
                    const { changeNote, templateId } = form.getValues();
                    form.reset({ ...valuesOf(latest), changeNote, templateId });
                    setConflict(null);
                  }}
                >
                  Load version {latest.currentVersion} to edit
                </Button>
              </div>
            )}
          </Alert>
        )}
        {formError && !conflict && (
          <Alert tone="danger" role="alert">
            {formError}
          </Alert>
        )}
        {versionErrors.length > 0 && <p className="font-medium text-red-700">{versionErrors.join(" ")}</p>}
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <TextField label="Program title" {...field("title")} />
          </div>
          <TextField label="Start date" type="date" {...field("startDate")} />
          <TextField label="End date (optional)" type="date" {...field("endDate")} />
        </div>
        {listErrors && (
          <p role="alert" className="font-medium text-red-700">
            {listErrors.join(" ")}
          </p>
        )}
        {count === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 p-6 text-center text-slate-700">
            No exercises yet. Add them from the library or start from a template.
          </p>
        ) : (
          <DndContext
            id="program-builder"
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{ announcements }}
          >
            <SortableContext items={rows.fields.map((r) => r.exerciseId)} strategy={verticalListSortingStrategy}>
              <ol aria-label="Exercises in this program" className="flex flex-col gap-3">
                {rows.fields.map((row, i) => (
                  <SortableRow
                    key={row.id}
                    server={server}
                    exercise={row.exercise}
                    index={i}
                    count={count}
                    onMove={(to, via) => move(i, to, via)}
                    onRemove={() => {
                      rows.remove(i);
                      setAnnouncement(`${row.exercise.name} removed.`);
                    }}
                    registerMoveButton={(dir, el) => moveButtons.current.set(`${row.exerciseId}:${dir}`, el)}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
        {editing && (
          <TextField label="What changed (optional, shown in the version history)" {...field("changeNote")} />
        )}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : editing ? "Save as new version" : "Assign program"}
          </Button>
        </div>
        <section
          aria-labelledby="save-template-heading"
          className="mt-2 flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="save-template-heading" className="text-base font-semibold">
            Save these exercises as a template
          </h2>
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <TextField label="Template name" {...templateForm.field("name")} />
            </div>
            <Button
              variant="secondary"
              disabled={templateForm.pending || count === 0}
              onClick={() => void templateForm.onSubmit()}
            >
              Save as template
            </Button>
          </div>
          {templateForm.formError && (
            <p role="alert" className="text-sm font-medium text-red-700">
              {templateForm.formError}
            </p>
          )}
        </section>
      </form>
    </div>
  );
}
