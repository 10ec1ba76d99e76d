"use client";

import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { FieldError, RadioQuestion, CheckboxQuestion, SCALE_0_10 } from "@/components/intake/controls";
import { firstRegionOf, neighbourRegion, summarizePainMap, type ArrowDirection } from "@/lib/pain-map/pain-map-rules";
import {
  BODY_REGIONS,
  CHOIR_ATTRIBUTION,
  regionLabelForPatient,
  regionOf,
  type BodyView,
  type PainRegionCode,
} from "@/lib/pain-map/regions";
import { PAIN_QUALITIES, PAIN_QUALITY_LABEL, type DraftPainMark, type PainQuality } from "@/lib/pain-map/schema";
import { BodyFigure, MapLegend } from "./body-figure";

const ARROWS: Record<string, ArrowDirection> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

type Props = {
  marks: DraftPainMark[];
  onChange(marks: DraftPainMark[]): void;
  /** Errors keyed "marks.<index>.<field>" and "marks". */
  errors: Record<string, string[]>;
};

/**
 * The patient's pain map: tap, click or use the keyboard on the figure, or
 * find regions by name in the list below it. Each marked region gets its own
 * card for intensity, qualities and where the pain starts or spreads.
 */
export function PainMapEditor({ marks, onChange, errors }: Props) {
  const [view, setView] = useState<BodyView>(() =>
    marks.length && marks.every((m) => regionOf(m.code as PainRegionCode).view === "back") ? "back" : "front",
  );
  const codes = useMemo(() => marks.map((m) => m.code as PainRegionCode), [marks]);
  const [focused, setFocused] = useState<Record<BodyView, PainRegionCode>>(() => ({
    front: firstRegionOf("front", codes),
    back: firstRegionOf("back", codes),
  }));
  const [announcement, setAnnouncement] = useState("");
  const refs = useRef(new Map<PainRegionCode, SVGPolygonElement>());
  // Details of a region the patient unmarks come back if they mark it again.
  const removed = useRef(new Map<number, DraftPainMark>());
  const [query, setQuery] = useState("");
  const searchId = useId();

  const toggle = useCallback(
    (code: PainRegionCode) => {
      const existing = marks.find((m) => m.code === code);
      if (existing) {
        removed.current.set(code, existing);
        // Regions that spread from this one lose their starting point; the card asks again.
        onChange(
          marks.filter((m) => m.code !== code).map((m) => (m.spreadFrom === code ? { ...m, spreadFrom: null } : m)),
        );
        setAnnouncement(`${regionLabelForPatient(code)} unmarked.`);
      } else {
        const restored = removed.current.get(code);
        // A new region starts as "pain starts here": guessing a spread would put radiation in the record the patient never described.
        onChange([...marks, restored ?? { code, intensity: null, qualities: [], role: "origin", spreadFrom: null }]);
        setAnnouncement(`${regionLabelForPatient(code)} marked. Describe it below the map.`);
      }
    },
    [marks, onChange],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGElement>, code: PainRegionCode) => {
      const dir = ARROWS[event.key];
      if (dir) {
        event.preventDefault();
        const next = neighbourRegion(code, dir);
        setFocused((f) => ({ ...f, [regionOf(code).view]: next }));
        refs.current.get(next)?.focus();
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle(code);
      }
    },
    [toggle],
  );

  const update = (code: number, patch: Partial<DraftPainMark>) =>
    onChange(marks.map((m) => (m.code === code ? { ...m, ...patch } : m)));

  const summary = summarizePainMap(
    marks.map((m) => ({
      code: m.code as PainRegionCode,
      intensity: m.intensity,
      qualities: m.qualities as PainQuality[],
      role: m.role,
      spreadFrom: m.spreadFrom as PainRegionCode | null,
    })),
  );

  const q = query.trim().toLowerCase();
  const listed = BODY_REGIONS.filter(
    (r) =>
      !q ||
      `${r.label} ${r.part} ${r.keywords} ${r.side} ${r.view}`.toLowerCase().includes(q) ||
      q.split(/\s+/).every((w) => `${r.label} ${r.part} ${r.keywords} ${r.side} ${r.view}`.toLowerCase().includes(w)),
  );
  const countIn = (v: BodyView) => codes.filter((c) => regionOf(c).view === v).length;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col items-center gap-3">
        <div
          role="group"
          aria-label="Which side of the body to show"
          className="inline-flex rounded-lg border border-slate-400 bg-white p-1"
        >
          {(["front", "back"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={`min-h-11 rounded-md px-4 font-semibold ${view === v ? "bg-brand-700 text-white" : "text-slate-900 hover:bg-slate-100"}`}
            >
              {v === "front" ? "Front of body" : "Back of body"}
              {countIn(v) > 0 && <span className="ml-1 font-normal">({countIn(v)})</span>}
            </button>
          ))}
        </div>
        <p className="text-center text-sm text-slate-700">
          Tap every place that hurts. On a keyboard: arrow keys move, Enter or Space marks.
        </p>
        <BodyFigure
          view={view}
          marks={marks as never}
          audience="patient"
          title={view === "front" ? "Front of your body" : "Back of your body"}
          interactive={{
            focused: focused[view],
            onToggle: toggle,
            onFocusRegion: (code) => setFocused((f) => ({ ...f, [regionOf(code).view]: code })),
            onKeyDown,
            registerRef: (code, el) => {
              if (el) refs.current.set(code, el);
              else refs.current.delete(code);
            },
          }}
          caption={
            view === "front"
              ? "This is the front of you, as someone facing you sees it: your right side is on the left of the picture."
              : "This is the back of you, as someone behind you sees it: your left side is on the left of the picture."
          }
        />
        <MapLegend />
        <p className="text-center text-xs text-slate-600">{CHOIR_ATTRIBUTION}</p>
      </div>

      <div className="rounded-lg border border-slate-300 bg-slate-50 p-3">
        <h3 className="text-sm font-semibold text-slate-700">Summary</h3>
        <p aria-live="polite" data-testid="pain-summary" className="mt-1 font-medium text-slate-900">
          {summary}
        </p>
        <p className="sr-only" aria-live="assertive">
          {announcement}
        </p>
        <FieldError id="marks-error" errors={errors.marks} />
      </div>

      {marks.length > 0 && (
        <section aria-labelledby="marked-heading" className="flex flex-col gap-4">
          <h3 id="marked-heading" className="text-lg font-semibold">
            Describe each place you marked
          </h3>
          {marks.map((m, i) => (
            <RegionCard
              key={m.code}
              mark={m}
              index={i}
              origins={marks.filter((o) => o.role === "origin" && o.code !== m.code)}
              errors={errors}
              onChange={(patch) => update(m.code, patch)}
              onRemove={() => toggle(m.code as PainRegionCode)}
            />
          ))}
        </section>
      )}

      <details className="rounded-lg border border-slate-300 bg-white p-3">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">
          Find a body part by name instead (list of all 74 areas)
        </summary>
        <div className="mt-3 flex flex-col gap-2">
          <label htmlFor={searchId} className="font-medium">
            Search body parts
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="For example: lower back, knee, left"
            className="min-h-11 w-full rounded-lg border border-slate-400 px-3 py-2"
          />
          <p aria-live="polite" className="text-sm text-slate-700">
            {listed.length} area{listed.length === 1 ? "" : "s"}
          </p>
          <ul className="max-h-80 divide-y divide-slate-200 overflow-y-auto rounded-lg border border-slate-200">
            {listed.map((r) => (
              <li key={r.code}>
                <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 py-2 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    className="h-5 w-5 accent-brand-700"
                    checked={codes.includes(r.code)}
                    onChange={() => toggle(r.code)}
                  />
                  <span>
                    {regionLabelForPatient(r.code)}{" "}
                    <span className="text-sm text-slate-600">
                      ({r.view === "front" ? "front of body" : "back of body"})
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      </details>
    </div>
  );
}

function RegionCard({
  mark,
  index,
  origins,
  errors,
  onChange,
  onRemove,
}: {
  mark: DraftPainMark;
  index: number;
  origins: DraftPainMark[];
  errors: Record<string, string[]>;
  onChange(patch: Partial<DraftPainMark>): void;
  onRemove(): void;
}) {
  const code = mark.code as PainRegionCode;
  const label = regionLabelForPatient(code);
  const err = (f: string) => errors[`marks.${index}.${f}`];
  const selectId = useId();
  const spreadErrorId = `${selectId}-error`;
  return (
    <article
      className="flex flex-col gap-4 rounded-xl border border-slate-300 bg-white p-4"
      aria-labelledby={`region-${code}`}
      data-region-card={code}
    >
      <div className="flex items-start justify-between gap-3">
        <h4 id={`region-${code}`} className="text-base font-bold">
          {label}
          <span className="block text-sm font-normal text-slate-600">
            {regionOf(code).view === "front" ? "Front of body" : "Back of body"}
          </span>
        </h4>
        <button
          type="button"
          onClick={onRemove}
          className="min-h-11 rounded-lg px-3 text-sm font-semibold text-red-800 underline hover:bg-red-50"
          aria-label={`Remove ${label}`}
        >
          Remove
        </button>
      </div>
      <RadioQuestion
        legend={`How strong is the pain here? (0 = none, 10 = worst imaginable)`}
        name={`intensity-${code}`}
        options={SCALE_0_10}
        value={mark.intensity}
        onChange={(v) => onChange({ intensity: v })}
        errors={err("intensity")}
        layout="scale"
      />
      <CheckboxQuestion
        legend="What does it feel like? Choose all that fit."
        name={`qualities-${code}`}
        options={PAIN_QUALITIES.map((q) => ({ value: q, label: PAIN_QUALITY_LABEL[q] }))}
        values={mark.qualities}
        onChange={(v) => onChange({ qualities: v })}
        errors={err("qualities")}
      />
      <RadioQuestion
        legend="Is this where the pain starts, or does it spread here?"
        name={`role-${code}`}
        options={[
          { value: "origin", label: "The pain starts here" },
          { value: "spread", label: "The pain spreads here from somewhere else" },
        ]}
        value={mark.role}
        onChange={(v) => onChange({ role: v, spreadFrom: v === "origin" ? null : (origins[0]?.code ?? null) })}
        errors={err("role")}
      />
      {mark.role === "spread" && (
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="font-semibold">
            Where does it spread from?
          </label>
          {origins.length === 0 ? (
            <p className="text-sm text-slate-700">
              Mark the place where the pain starts on the map, and choose “The pain starts here” for it.
            </p>
          ) : null}
          <select
            id={selectId}
            value={mark.spreadFrom ?? ""}
            onChange={(e) =>
              onChange({ spreadFrom: e.target.value ? (Number(e.target.value) as PainRegionCode) : null })
            }
            aria-describedby={err("spreadFrom") ? spreadErrorId : undefined}
            aria-invalid={err("spreadFrom") ? true : undefined}
            className="min-h-11 rounded-lg border border-slate-400 bg-white px-3"
          >
            <option value="">Choose where it starts</option>
            {origins.map((o) => (
              <option key={o.code} value={o.code}>
                {regionLabelForPatient(o.code as PainRegionCode)}
              </option>
            ))}
          </select>
          <FieldError id={spreadErrorId} errors={err("spreadFrom")} />
        </div>
      )}
    </article>
  );
}
