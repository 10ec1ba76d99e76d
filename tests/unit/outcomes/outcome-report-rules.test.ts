import { describe, expect, it } from "vitest";
import { compareMeasure } from "@/lib/episodes/discharge-summary-rules";
import {
  adherenceQuartiles,
  buildOutcomeReport,
  median,
  shareBars,
  type ReportEpisode,
} from "@/lib/outcomes/outcome-report-rules";

function ep(
  id: string,
  opts: {
    therapist?: string;
    risk?: "low" | "medium" | "high" | null;
    odi?: [number, number] | null;
    nprs?: [number, number] | null;
    visits?: number;
    adherence?: number | null;
  },
): ReportEpisode {
  const odi = opts.odi === undefined ? [40, 30] : opts.odi;
  const nprs = opts.nprs === undefined ? [6, 5] : opts.nprs;
  return {
    episodeId: id,
    therapist: opts.therapist ? { id: opts.therapist, name: `Therapist ${opts.therapist}` } : null,
    risk: opts.risk === undefined ? "medium" : opts.risk,
    outcome: {
      measures: [
        compareMeasure("odi", odi?.[0] ?? null, odi?.[1] ?? null),
        compareMeasure("nprs", nprs?.[0] ?? null, nprs?.[1] ?? null),
        compareMeasure("psfs", null, null),
      ],
      visitsUsed: opts.visits ?? 6,
      adherence:
        opts.adherence === null
          ? null
          : {
              prescribed: 100,
              done: Math.round((opts.adherence ?? 0.5) * 100),
              completedLogs: 0,
              daysInForce: 10,
              ratio: opts.adherence ?? 0.5,
              from: "2027-01-01",
              to: "2027-02-01",
            },
    },
  };
}

describe("median", () => {
  it("takes the middle value or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([7])).toBe(7);
  });
});

describe("buildOutcomeReport", () => {
  it("suppresses a group of 4 entirely and shows a group of 5", () => {
    const eps = [
      ...["a1", "a2", "a3", "a4", "a5"].map((id, i) =>
        ep(id, { therapist: "A", odi: [40, 40 - (i + 1) * 4], visits: i + 4 }),
      ),
      ...["b1", "b2", "b3", "b4"].map((id) => ep(id, { therapist: "B" })),
    ];
    const r = buildOutcomeReport(eps);
    const [a, b] = r.byTherapist;
    expect(b).toEqual({ key: "B", label: "Therapist B", suppressed: true });
    expect(a).toMatchObject({ key: "A", suppressed: false, episodes: 5, medianVisits: 6 });
    if (a!.suppressed) throw new Error("unreachable");
    // ODI improvements 4, 8, 12, 16, 20: median 12; 10 or more in 3 of 5.
    expect(a!.measures[0]).toMatchObject({ measure: "odi", episodes: 5, medianImprovement: 12, shareReached: 0.6 });
    expect(r.overall).toMatchObject({ suppressed: false, episodes: 9 });
  });

  it("leaves episodes without a follow-up score out of that measure and counts them", () => {
    const eps = [
      ...["1", "2", "3", "4", "5"].map((id) => ep(id, { therapist: "A", nprs: [8, 4] })),
      ep("6", { therapist: "A", nprs: null }),
      ep("7", { therapist: "A", nprs: [8, 4], odi: null }),
    ];
    const [a] = buildOutcomeReport(eps).byTherapist;
    if (!a || a.suppressed) throw new Error("group of 7 shown");
    expect(a.measures[1]).toMatchObject({ measure: "nprs", episodes: 6, noFollowUp: 1, shareReached: 1 });
    expect(a.measures[0]).toMatchObject({ measure: "odi", episodes: 6, noFollowUp: 1 });
    // PSFS was scored for none: its figures stay hidden.
    expect(a.measures[2]).toEqual({ measure: "psfs", suppressed: true, noFollowUp: 7 });
  });

  it("lists every risk group, suppressed when small, and a 'not recorded' group only when needed", () => {
    const r = buildOutcomeReport(["1", "2", "3", "4", "5"].map((id) => ep(id, { risk: "high" })));
    expect(r.byRisk.map((g) => [g.key, g.suppressed])).toEqual([
      ["low", true],
      ["medium", true],
      ["high", false],
    ]);
    expect(buildOutcomeReport([ep("x", { risk: null })]).byRisk.map((g) => g.key)).toContain("none");
  });
});

describe("adherence quartiles", () => {
  it("splits by rank into four near-equal quartiles and leaves out episodes without a program", () => {
    const eps = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6].map((a, i) => ep(`e${i}`, { adherence: a }));
    eps.push(ep("none", { adherence: null }));
    const q = adherenceQuartiles(eps).map((g) => g.map((e) => e.outcome.adherence!.ratio));
    // floor(4i/9): ranks 0-2 -> Q1, 3-4 -> Q2, 5-6 -> Q3, 7-8 -> Q4.
    expect(q).toEqual([
      [0.1, 0.2, 0.3],
      [0.4, 0.5],
      [0.6, 0.7],
      [0.8, 0.9],
    ]);
  });

  it("shows a quartile of 5 and hides one of 4", () => {
    // 19 episodes: quartiles of 5, 5, 5, 4.
    const eps = Array.from({ length: 19 }, (_, i) => ep(`e${String(i).padStart(2, "0")}`, { adherence: i / 20 }));
    const r = buildOutcomeReport(eps);
    expect(r.byAdherence.quartiles.map((q) => (q.suppressed ? "hidden" : q.episodes))).toEqual([5, 5, 5, "hidden"]);
    expect(r.byAdherence.quartiles[0]).toMatchObject({ adherenceFrom: 0, adherenceTo: 0.2 });
    expect(r.byAdherence.withoutProgram).toBe(0);
    expect(buildOutcomeReport([ep("n", { adherence: null })]).byAdherence.withoutProgram).toBe("fewer than 5");
  });
});

describe("shareBars", () => {
  it("gives charts a share only where the report shows figures", () => {
    const eps = ["1", "2", "3", "4", "5"].map((id) => ep(id, { therapist: "A", odi: [40, 20], nprs: null }));
    eps.push(ep("6", { therapist: "B" }));
    const r = buildOutcomeReport(eps);
    expect(shareBars(r.byTherapist, "odi")).toEqual([
      { label: "Therapist A", share: 1 },
      { label: "Therapist B", share: null },
    ]);
    expect(shareBars(r.byTherapist, "nprs")[0]).toEqual({ label: "Therapist A", share: null });
  });
});
