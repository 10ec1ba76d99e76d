import type { KeyboardEvent, ReactNode } from "react";
import { OUTLINE_VIEWBOX, REGION_SHAPES, shapeOf } from "@/lib/pain-map/outlines";
import {
  regionLabel,
  regionLabelForPatient,
  regionOf,
  type BodyView,
  type PainRegionCode,
} from "@/lib/pain-map/regions";

export type FigureMark = {
  code: PainRegionCode;
  intensity: number | null;
  role: "origin" | "spread";
  spreadFrom: PainRegionCode | null;
};

/** Fill by intensity band; the number is also drawn on the region, so colour is never the only cue. */
export function intensityFill(intensity: number | null): string {
  if (intensity === null) return "#fde68a";
  if (intensity === 0) return "#e2e8f0";
  if (intensity <= 3) return "#fcd34d";
  if (intensity <= 6) return "#fb923c";
  return "#dc2626";
}

type Props = {
  view: BodyView;
  marks: readonly FigureMark[];
  /** Highlight for comparison views: regions only in the later map, and only in the earlier one. */
  highlight?: { gained?: readonly PainRegionCode[]; lost?: readonly PainRegionCode[] };
  /** Present only on the editable map. */
  interactive?: {
    focused: PainRegionCode;
    onToggle(code: PainRegionCode): void;
    onFocusRegion(code: PainRegionCode): void;
    onKeyDown(event: KeyboardEvent<SVGElement>, code: PainRegionCode): void;
    registerRef(code: PainRegionCode, el: SVGPolygonElement | null): void;
  };
  /** Patient-facing labels say "your left"; staff labels say "left". */
  audience: "patient" | "staff";
  title: string;
  caption?: ReactNode;
};

/**
 * One view (front or back) of the CHOIR body map, drawn from Mend's own
 * outlines. Read-only for staff; on the patient's map every region is a
 * checkbox reachable with the arrow keys (roving tab stop).
 */
export function BodyFigure({ view, marks, highlight, interactive, audience, title, caption }: Props) {
  const byCode = new Map(marks.map((m) => [m.code, m]));
  const label = audience === "patient" ? regionLabelForPatient : regionLabel;
  // Front: the patient's right is on the viewer's left. Back: the other way round.
  const [leftSide, rightSide] = view === "front" ? ["right", "left"] : ["left", "right"];
  const sideWord = audience === "patient" ? "Your" : "Patient's";
  const arrows = marks.filter(
    (m) =>
      m.role === "spread" &&
      m.spreadFrom &&
      byCode.has(m.spreadFrom) &&
      regionOf(m.spreadFrom).view === view &&
      regionOf(m.code).view === view,
  );
  const markerId = `arrow-${view}-${audience}`;
  const gained = new Set(highlight?.gained ?? []);
  const lost = new Set(highlight?.lost ?? []);
  return (
    <figure className="flex flex-col items-center">
      <svg
        viewBox={`-6 -14 ${OUTLINE_VIEWBOX.width + 12} ${OUTLINE_VIEWBOX.height + 18}`}
        className="h-auto w-full max-w-[19rem] touch-manipulation select-none"
        role={interactive ? "group" : "img"}
        aria-label={
          interactive
            ? title
            : `${title}: ${
                marks
                  .filter((m) => regionOf(m.code).view === view)
                  .map((m) => `${label(m.code)} ${m.intensity ?? "?"}/10`)
                  .join("; ") || "nothing marked"
              }`
        }
      >
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#0f172a" />
          </marker>
        </defs>
        <text x="2" y="-3" fontSize="10" fontWeight="700" fill="#1e293b" aria-hidden="true">
          {sideWord} {leftSide}
        </text>
        <text
          x={OUTLINE_VIEWBOX.width - 2}
          y="-3"
          fontSize="10"
          fontWeight="700"
          fill="#1e293b"
          textAnchor="end"
          aria-hidden="true"
        >
          {sideWord} {rightSide}
        </text>
        {REGION_SHAPES[view].map((shape) => {
          const mark = byCode.get(shape.code);
          const isFocused = interactive?.focused === shape.code;
          const stroke = gained.has(shape.code) ? "#047857" : lost.has(shape.code) ? "#7c3aed" : "#475569";
          const common = {
            points: shape.points,
            fill: mark ? intensityFill(mark.intensity) : lost.has(shape.code) ? "#ede9fe" : "#ffffff",
            stroke,
            strokeWidth: gained.has(shape.code) || lost.has(shape.code) ? 2 : 0.8,
            strokeDasharray: lost.has(shape.code) ? "3 2" : undefined,
            strokeLinejoin: "round" as const,
          };
          if (!interactive) return <polygon key={shape.code} {...common} aria-hidden="true" />;
          return (
            <polygon
              key={shape.code}
              {...common}
              ref={(el) => interactive.registerRef(shape.code, el)}
              role="checkbox"
              aria-checked={Boolean(mark)}
              aria-label={label(shape.code)}
              tabIndex={isFocused ? 0 : -1}
              data-region={shape.code}
              className="cursor-pointer outline-none hover:opacity-80 focus-visible:stroke-brand-700 focus-visible:[stroke-width:3]"
              onClick={() => {
                interactive.onFocusRegion(shape.code);
                interactive.onToggle(shape.code);
              }}
              onFocus={() => interactive.onFocusRegion(shape.code)}
              onKeyDown={(e) => interactive.onKeyDown(e, shape.code)}
            />
          );
        })}
        {marks
          .filter((m) => regionOf(m.code).view === view && m.intensity !== null)
          .map((m) => {
            const c = shapeOf(m.code).centroid;
            return (
              <text
                key={`n-${m.code}`}
                x={c.x}
                y={c.y + 3}
                fontSize="8"
                fontWeight="700"
                textAnchor="middle"
                fill={m.intensity! >= 7 ? "#ffffff" : "#0f172a"}
                pointerEvents="none"
                aria-hidden="true"
              >
                {m.intensity}
              </text>
            );
          })}
        {arrows.map((m) => {
          const from = shapeOf(m.spreadFrom!).centroid;
          const to = shapeOf(m.code).centroid;
          // Stop short of the centres so the numbers stay readable.
          const dx = to.x - from.x;
          const dy = to.y - from.y;
          const len = Math.hypot(dx, dy) || 1;
          const pad = Math.min(7, len / 3);
          return (
            <line
              key={`a-${m.code}`}
              x1={from.x + (dx / len) * pad}
              y1={from.y + (dy / len) * pad}
              x2={to.x - (dx / len) * pad}
              y2={to.y - (dy / len) * pad}
              stroke="#0f172a"
              strokeWidth="1.4"
              strokeDasharray="3 2"
              markerEnd={`url(#${markerId})`}
              pointerEvents="none"
              aria-hidden="true"
            />
          );
        })}
      </svg>
      {caption && <figcaption className="mt-1 text-center text-sm text-slate-700">{caption}</figcaption>}
    </figure>
  );
}

export function MapLegend() {
  const items: [string, string][] = [
    ["#fcd34d", "1-3 mild"],
    ["#fb923c", "4-6 moderate"],
    ["#dc2626", "7-10 severe"],
  ];
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="Colour key">
      {items.map(([color, text]) => (
        <li key={text} className="flex items-center gap-1.5">
          <span
            className="inline-block h-3.5 w-3.5 rounded-sm border border-slate-500"
            style={{ background: color }}
            aria-hidden="true"
          />
          {text}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="font-bold">
          ⇢
        </span>
        spreads to
      </li>
    </ul>
  );
}
