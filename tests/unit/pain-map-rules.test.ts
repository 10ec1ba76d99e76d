import { describe, expect, it } from "vitest";
import { REGION_SHAPES } from "@/lib/pain-map/outlines";
import {
  compareMaps,
  firstRegionOf,
  joinWords,
  neighbourRegion,
  summarizePainMap,
  type ArrowDirection,
  type MarkForSummary,
} from "@/lib/pain-map/pain-map-rules";
import {
  BODY_REGIONS,
  MIRROR_CODE,
  PAIN_REGION_CODES,
  regionLabel,
  regionLabelForPatient,
  regionOf,
  regionPhrase,
  type PainRegionCode,
} from "@/lib/pain-map/regions";

const mark = (
  code: PainRegionCode,
  intensity: number | null,
  qualities: MarkForSummary["qualities"] = [],
  spreadFrom: PainRegionCode | null = null,
): MarkForSummary => ({ code, intensity, qualities, role: spreadFrom ? "spread" : "origin", spreadFrom });

describe("CHOIR regions", () => {
  it("has 74 regions: 36 front coded 101-136, 38 back coded 201-238", () => {
    expect(BODY_REGIONS).toHaveLength(74);
    const front = BODY_REGIONS.filter((r) => r.view === "front").map((r) => r.code);
    const back = BODY_REGIONS.filter((r) => r.view === "back").map((r) => r.code);
    expect(front).toEqual(Array.from({ length: 36 }, (_, i) => 101 + i));
    expect(back).toEqual(Array.from({ length: 38 }, (_, i) => 201 + i));
  });

  it("pairs each region with its mirror: same part, opposite side", () => {
    for (const [a, b] of Object.entries(MIRROR_CODE)) {
      const ra = regionOf(Number(a) as PainRegionCode);
      const rb = regionOf(b as PainRegionCode);
      expect(ra.part).toBe(rb.part);
      expect(ra.view).toBe(rb.view);
      expect(ra.side).not.toBe(rb.side);
    }
    expect(Object.keys(MIRROR_CODE)).toHaveLength(37);
  });

  it("names the sides from the patient's point of view", () => {
    expect(regionLabel(218)).toBe("Lower back, left");
    expect(regionLabel(219)).toBe("Lower back, right");
    expect(regionLabelForPatient(223)).toBe("Buttock — your left");
    expect(regionPhrase(222)).toBe("left hip");
    // Front: patient's right on the viewer's left. Back: patient's left on the viewer's left.
    for (const s of REGION_SHAPES.front) expect(s.centroid.x < 100).toBe(regionOf(s.code).side === "right");
    for (const s of REGION_SHAPES.back) expect(s.centroid.x < 100).toBe(regionOf(s.code).side === "left");
  });

  it("draws one outline for every code, in the right view", () => {
    const drawn = [...REGION_SHAPES.front, ...REGION_SHAPES.back].map((s) => s.code).sort((a, b) => a - b);
    expect(drawn).toEqual([...PAIN_REGION_CODES]);
    for (const s of REGION_SHAPES.back) expect(regionOf(s.code).view).toBe("back");
  });
});

describe("summarizePainMap", () => {
  it("writes the one-line summary of a lower-back pain that spreads", () => {
    const summary = summarizePainMap([mark(218, 7, ["aching"]), mark(223, 4, ["aching"], 218), mark(222, 3, [], 218)]);
    expect(summary).toBe("Lower back, left: 7/10 aching; spreads to left buttock and left hip");
  });

  it("puts the strongest starting point first and joins qualities in words", () => {
    const summary = summarizePainMap([
      mark(107, 3, ["stiffness"]),
      mark(218, 6, ["aching", "burning", "pins_and_needles"]),
    ]);
    expect(summary).toBe(
      "Lower back, left: 6/10 aching, burning and pins and needles. Shoulder (front), right: 3/10 stiffness",
    );
  });

  it("still lists a spread region whose starting point is not marked, and unrated regions", () => {
    const summary = summarizePainMap([mark(233, null, [], 218)]);
    expect(summary).toBe("Calf, left: not rated (spreads here)");
  });

  it("says so when nothing is marked", () => {
    expect(summarizePainMap([])).toBe("No pain marked on the map.");
  });

  it("joins words the way people write them", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords(["a"])).toBe("a");
    expect(joinWords(["a", "b"])).toBe("a and b");
    expect(joinWords(["a", "b", "c"])).toBe("a, b and c");
  });
});

describe("compareMaps", () => {
  it("lists regions gained, lost and kept with their intensities", () => {
    const before = [mark(218, 7), mark(223, 5), mark(222, 3)];
    const after = [mark(218, 4), mark(219, 2)];
    expect(compareMaps(before, after)).toEqual({
      gained: [219],
      lost: [222, 223],
      kept: [{ code: 218, before: 7, after: 4 }],
    });
  });

  it("handles empty maps", () => {
    expect(compareMaps([], [])).toEqual({ gained: [], lost: [], kept: [] });
  });
});

describe("neighbourRegion (arrow keys)", () => {
  it("moves in the direction pressed, on screen", () => {
    expect(neighbourRegion(218, "right")).toBe(219);
    expect(neighbourRegion(219, "left")).toBe(218);
    expect(neighbourRegion(218, "down")).toBe(223);
    expect(neighbourRegion(218, "up")).toBe(212);
    expect(neighbourRegion(101, "right")).toBe(102);
    expect(neighbourRegion(129, "down")).toBe(131);
  });

  it("stays put at the edge of the figure", () => {
    expect(neighbourRegion(101, "up")).toBe(101);
    expect(neighbourRegion(135, "down")).toBe(135);
  });

  it("can reach every region of a view from its first region", () => {
    for (const view of ["front", "back"] as const) {
      const start = firstRegionOf(view, []);
      const seen = new Set<number>([start]);
      const queue: PainRegionCode[] = [start];
      while (queue.length) {
        const code = queue.shift()!;
        for (const d of ["up", "down", "left", "right"] as ArrowDirection[]) {
          const next = neighbourRegion(code, d);
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.size).toBe(REGION_SHAPES[view].length);
    }
  });

  it("starts keyboard focus on the first marked region of the view", () => {
    expect(firstRegionOf("back", [223, 218, 107])).toBe(218);
    expect(firstRegionOf("front", [223])).toBe(101);
  });
});
