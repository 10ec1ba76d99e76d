/**
 * Pure rules over a pain map: the one-line summary, comparing two maps, and
 * which region an arrow key moves to. Plain data in, plain data out.
 */
import { shapeOf, REGION_SHAPES } from "./outlines";
import { regionOf, regionPhrase, type BodyView, type PainRegionCode } from "./regions";
import { PAIN_QUALITY_WORD, type PainQuality } from "./schema";

export type MarkForSummary = {
  code: PainRegionCode;
  intensity: number | null;
  qualities: readonly PainQuality[];
  role: "origin" | "spread";
  spreadFrom: PainRegionCode | null;
};

/** "a", "a and b", "a, b and c" */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function describe(mark: MarkForSummary): string {
  const r = regionOf(mark.code);
  const rating = mark.intensity === null ? "not rated" : `${mark.intensity}/10`;
  const words = mark.qualities.map((q) => PAIN_QUALITY_WORD[q]);
  return `${r.label}, ${r.side}: ${rating}${words.length ? ` ${joinWords(words)}` : ""}`;
}

const byIntensityThenCode = (a: MarkForSummary, b: MarkForSummary) =>
  (b.intensity ?? -1) - (a.intensity ?? -1) || a.code - b.code;

/**
 * "Lower back, left: 7/10 aching; spreads to left buttock and left hip".
 * Starting regions first, strongest first; a spread region whose start is not
 * (yet) marked is listed on its own so nothing the patient marked is hidden.
 */
export function summarizePainMap(marks: readonly MarkForSummary[]): string {
  if (marks.length === 0) return "No pain marked on the map.";
  const codes = new Set(marks.map((m) => m.code));
  const origins = marks.filter((m) => m.role === "origin").sort(byIntensityThenCode);
  const parts = origins.map((o) => {
    const targets = marks
      // In the order the patient marked them: the order they described the spread in.
      .filter((m) => m.role === "spread" && m.spreadFrom === o.code)
      .map((m) => regionPhrase(m.code));
    return targets.length ? `${describe(o)}; spreads to ${joinWords(targets)}` : describe(o);
  });
  const orphans = marks
    .filter((m) => m.role === "spread" && (m.spreadFrom === null || !codes.has(m.spreadFrom)))
    .sort(byIntensityThenCode)
    .map((m) => `${describe(m)} (spreads here)`);
  return [...parts, ...orphans].join(". ");
}

export type MapComparison = {
  gained: PainRegionCode[];
  lost: PainRegionCode[];
  kept: { code: PainRegionCode; before: number | null; after: number | null }[];
};

/** Regions present only in the later map (gained), only in the earlier (lost), and in both. */
export function compareMaps(
  before: readonly Pick<MarkForSummary, "code" | "intensity">[],
  after: readonly Pick<MarkForSummary, "code" | "intensity">[],
): MapComparison {
  const b = new Map(before.map((m) => [m.code, m.intensity]));
  const a = new Map(after.map((m) => [m.code, m.intensity]));
  const sort = (codes: PainRegionCode[]) => codes.sort((x, y) => x - y);
  return {
    gained: sort([...a.keys()].filter((c) => !b.has(c))),
    lost: sort([...b.keys()].filter((c) => !a.has(c))),
    kept: sort([...a.keys()].filter((c) => b.has(c))).map((code) => ({
      code,
      before: b.get(code) ?? null,
      after: a.get(code) ?? null,
    })),
  };
}

export type ArrowDirection = "up" | "down" | "left" | "right";

/**
 * The region an arrow key moves to: the nearest region whose centre lies in
 * that direction on screen, preferring ones in line with the current region
 * (sideways distance weighs 2.5 times as much as distance along the arrow).
 * Returns the same code at an edge, so focus never jumps off the figure.
 */
export function neighbourRegion(code: PainRegionCode, direction: ArrowDirection): PainRegionCode {
  const from = shapeOf(code);
  const view: BodyView = regionOf(code).view;
  let best: { code: PainRegionCode; score: number } | null = null;
  for (const s of REGION_SHAPES[view]) {
    if (s.code === code) continue;
    const dx = s.centroid.x - from.centroid.x;
    const dy = s.centroid.y - from.centroid.y;
    const along = direction === "left" ? -dx : direction === "right" ? dx : direction === "up" ? -dy : dy;
    const across = direction === "left" || direction === "right" ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) continue;
    const score = along + 2.5 * across;
    if (!best || score < best.score) best = { code: s.code, score };
  }
  return best?.code ?? code;
}

/** Where keyboard focus starts on a view: the first marked region, else the top of the head. */
export function firstRegionOf(view: BodyView, marked: readonly PainRegionCode[]): PainRegionCode {
  const inView = marked.filter((c) => regionOf(c).view === view).sort((a, b) => a - b);
  return inView[0] ?? (view === "front" ? 101 : 201);
}
