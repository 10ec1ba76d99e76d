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
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useRef, useState, type FormEvent } from "react";
import { DosageFields } from "@/components/exercises/dosage-fields";
import { ExerciseFigure } from "@/components/exercises/exercise-figure";
import { ExerciseFilterSelects } from "@/components/exercises/exercise-filter-selects";
import { exercisesApi } from "@/components/exercises/exercises-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { dosageBody, toDosageForm, type DosageForm } from "@/lib/exercises/dosage-form";
import type { ExerciseView } from "@/lib/exercises/exercise-view";
import type { ProgramTemplateView } from "@/lib/programs/program-templates";
import { MATCHED_APPROACH, type MatchedRiskGroup } from "@/lib/episodes/matched-care-rules";
import type { ProgramView } from "@/lib/programs/program-view";
import { saveProgramSchema } from "@/lib/programs/schema";
import type { FieldErrors } from "@/lib/errors";
import { ApiError } from "@/lib/http/api-client";

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
type Row = { exercise: LibraryExercise; dosage: DosageForm };

function errorsFrom(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) (out[i.path.map(String).join(".") || "_form"] ??= []).push(i.message);
  return out;
}

function rowsFromItems(items: { exercise: LibraryExercise; dosage: Parameters<typeof toDosageForm>[0] }[]): Row[] {
  return items.map((i) => ({ exercise: i.exercise, dosage: toDosageForm(i.dosage) }));
}

function prefixed(errors: FieldErrors, prefix: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function SortableRow({
  row,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
  registerMoveButton,
}: {
  row: Row;
  index: number;
  count: number;
  errors: FieldErrors;
  onChange: (d: DosageForm) => void;
  onMove: (to: number, via: "up" | "down") => void;
  onRemove: () => void;
  registerMoveButton: (dir: "up" | "down", el: HTMLButtonElement | null) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: row.exercise.id,
  });
  const name = row.exercise.name;
  const legendId = `row-${row.exercise.id}-legend`;
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
            <ExerciseFigure figureKey={row.exercise.figureKey} position={row.exercise.position} />
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
        {errors[`items.${index}.exerciseId`] && (
          <p className="mt-1 text-sm font-medium text-red-700">{errors[`items.${index}.exerciseId`]!.join(" ")}</p>
        )}
        <div className="mt-3">
          <DosageFields
            idPrefix={`row-${row.exercise.id}`}
            value={row.dosage}
            onChange={onChange}
            errors={prefixed(errors, `items.${index}.dosage.`)}
            withNotes
          />
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
  const [baseVersion, setBaseVersion] = useState<number | null>(editing?.currentVersion ?? null);
  const [title, setTitle] = useState(editing?.current.title ?? "Home exercise program");
  const [startDate, setStartDate] = useState(editing?.current.startDate ?? today);
  const [endDate, setEndDate] = useState(editing?.current.endDate ?? "");
  const [changeNote, setChangeNote] = useState("");
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>(editing ? rowsFromItems(editing.current.items) : []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [announcement, setAnnouncement] = useState("");
  const [undo, setUndo] = useState<{ rows: Row[]; label: string } | null>(null);
  const [chosenTemplate, setChosenTemplate] = useState(matchedCare?.templateId ?? templates[0]?.id ?? "");
  const [templateName, setTemplateName] = useState("");
  const moveButtons = useRef(new Map<string, HTMLButtonElement | null>());

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: string | number) => rows.find((r) => r.exercise.id === id)?.exercise.name ?? "exercise";
  const positionOf = (id: string | number | undefined) => rows.findIndex((r) => r.exercise.id === id) + 1;
  // dnd-kit reports "over" on every measure, the item's own place included; announce only real moves.
  const lastOver = useRef<string | number | null>(null);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastOver.current = active.id;
      return `Picked up ${nameOf(active.id)}, position ${positionOf(active.id)} of ${rows.length}.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over || over.id === lastOver.current) return undefined;
      lastOver.current = over.id;
      return `${nameOf(active.id)} moved to position ${positionOf(over.id)} of ${rows.length}.`;
    },
    onDragEnd: ({ active, over }) =>
      `${nameOf(active.id)} dropped at position ${positionOf(over?.id ?? active.id)} of ${rows.length}.`,
    onDragCancel: ({ active }) => `Reordering cancelled. ${nameOf(active.id)} is back where it was.`,
  };

  const current = useQuery({
    queryKey: ["program", patient.id],
    queryFn: () => exercisesApi.getProgram({ params: { patientId: patient.id } }),
    enabled: false,
  });

  const body = () => ({
    baseVersion,
    title,
    startDate,
    endDate,
    changeNote,
    templateId,
    items: rows.map((r) => ({ exerciseId: r.exercise.id, dosage: dosageBody(r.dosage, true) })),
  });

  const save = useMutation({
    mutationFn: () => exercisesApi.saveProgram({ params: { patientId: patient.id }, body: body() }),
    onSuccess: ({ result }) => {
      router.push(`/clinic/patients/${patient.id}/exercises?saved=${result.version}`);
      router.refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(e.fieldErrors);
        if (e.status === 409) void current.refetch();
      }
    },
  });

  const saveTemplate = useMutation({
    mutationFn: () => exercisesApi.saveTemplate({ body: { name: templateName, items: body().items } }),
    onSuccess: ({ template }) => {
      setTemplateName("");
      setAnnouncement(`Saved as the template “${template.name}”.`);
    },
  });

  function add(e: LibraryExercise) {
    if (rows.some((r) => r.exercise.id === e.id)) return;
    setRows((rs) => [...rs, { exercise: e, dosage: toDosageForm(e.defaultDosage) }]);
    setAnnouncement(`${e.name} added with its usual dosage. ${rows.length + 1} exercises in the program.`);
  }

  function move(from: number, to: number, via?: "up" | "down") {
    if (to < 0 || to >= rows.length) return;
    const moved = rows[from]!;
    setRows((rs) => arrayMove(rs, from, to));
    setAnnouncement(`${moved.exercise.name} moved to position ${to + 1} of ${rows.length}.`);
    if (via) {
      // Keep focus on the button pressed, so Move up can be pressed again; at the end, on the other one.
      const edge = (via === "up" && to === 0) || (via === "down" && to === rows.length - 1);
      const dir = edge ? (via === "up" ? "down" : "up") : via;
      requestAnimationFrame(() => moveButtons.current.get(`${moved.exercise.id}:${dir}`)?.focus());
    }
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    move(
      rows.findIndex((r) => r.exercise.id === active.id),
      rows.findIndex((r) => r.exercise.id === over.id),
    );
  }

  function useTemplate() {
    const t = templates.find((x) => x.id === chosenTemplate);
    if (!t) return;
    if (rows.length) setUndo({ rows, label: t.name });
    setRows(rowsFromItems(t.items));
    setTemplateId(t.id);
    if (!editing && title === "Home exercise program") setTitle(t.name);
    setAnnouncement(`Loaded ${t.items.length} exercises from “${t.name}”.`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = saveProgramSchema.safeParse(body());
    if (!parsed.success) {
      setErrors(errorsFrom(parsed.error.issues));
      setAnnouncement("Some answers need another look.");
      return;
    }
    setErrors({});
    save.mutate();
  }

  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error : null;
  const latest = current.data?.program;

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
              {rows.length ? "Replace with this template" : "Use this template"}
            </Button>
            {undo && (
              <p className="text-sm">
                Replaced your exercises with &ldquo;{undo.label}&rdquo;.{" "}
                <button
                  type="button"
                  className="min-h-11 font-semibold text-brand-800 underline"
                  onClick={() => {
                    setRows(undo.rows);
                    setUndo(null);
                    setTemplateId(null);
                  }}
                >
                  Undo
                </button>
              </p>
            )}
          </section>
        )}
        <LibraryPicker added={new Set(rows.map((r) => r.exercise.id))} onAdd={add} />
      </div>

      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-labelledby="program-heading">
        <h2 id="program-heading" className="text-lg font-semibold">
          {editing ? `Edit program (now version ${baseVersion})` : "New program"} for {patient.name}
        </h2>
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
        {announcement && saveTemplate.isSuccess && (
          <Alert tone="success" role="status">
            {announcement}
          </Alert>
        )}
        {conflict && (
          <Alert tone="danger" role="alert" title="Not saved: someone else changed this program">
            <p>{conflict.message}</p>
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
                    setRows(rowsFromItems(latest.current.items));
                    setTitle(latest.current.title);
                    setStartDate(latest.current.startDate);
                    setEndDate(latest.current.endDate ?? "");
                    setBaseVersion(latest.status === "active" ? latest.currentVersion : null);
                    save.reset();
                  }}
                >
                  Load version {latest.currentVersion} to edit
                </Button>
              </div>
            )}
          </Alert>
        )}
        {save.isError && !conflict && !Object.keys(errors).length && (
          <Alert tone="danger" role="alert">
            {save.error.message}
          </Alert>
        )}
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <TextField
              label="Program title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              errors={errors.title}
            />
          </div>
          <TextField
            label="Start date"
            type="date"
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            errors={errors.startDate}
          />
          <TextField
            label="End date (optional)"
            type="date"
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
            errors={errors.endDate}
          />
        </div>
        {errors.items && (
          <p role="alert" className="font-medium text-red-700">
            {errors.items.join(" ")}
          </p>
        )}
        {rows.length === 0 ? (
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
            <SortableContext items={rows.map((r) => r.exercise.id)} strategy={verticalListSortingStrategy}>
              <ol aria-label="Exercises in this program" className="flex flex-col gap-3">
                {rows.map((row, i) => (
                  <SortableRow
                    key={row.exercise.id}
                    row={row}
                    index={i}
                    count={rows.length}
                    errors={errors}
                    onChange={(dosage) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, dosage } : r)))}
                    onMove={(to, via) => move(i, to, via)}
                    onRemove={() => {
                      setRows((rs) => rs.filter((_, j) => j !== i));
                      setAnnouncement(`${row.exercise.name} removed.`);
                    }}
                    registerMoveButton={(dir, el) => moveButtons.current.set(`${row.exercise.id}:${dir}`, el)}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
        {editing && (
          <TextField
            label="What changed (optional, shown in the version history)"
            value={changeNote}
            onChange={(e) => setChangeNote(e.target.value)}
            errors={errors.changeNote}
          />
        )}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : editing ? "Save as new version" : "Assign program"}
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
              <TextField
                label="Template name"
                value={templateName}
                onChange={(e) => setTemplateName(e.target.value)}
                errors={
                  saveTemplate.error instanceof ApiError
                    ? (saveTemplate.error.fieldErrors.name ?? saveTemplate.error.fieldErrors.items)
                    : undefined
                }
              />
            </div>
            <Button
              variant="secondary"
              disabled={saveTemplate.isPending || rows.length === 0}
              onClick={() => saveTemplate.mutate()}
            >
              Save as template
            </Button>
          </div>
          {saveTemplate.isError &&
            !(saveTemplate.error instanceof ApiError && Object.keys(saveTemplate.error.fieldErrors).length) && (
              <p role="alert" className="text-sm font-medium text-red-700">
                {saveTemplate.error.message}
              </p>
            )}
        </section>
      </form>
    </div>
  );
}
