/**
 * Keele STarT Back Screening Tool (Hill et al., Arthritis Rheum 2008;59:632-41).
 * Items 1-8: agree = 1. Item 9 (bothersomeness) = 1 only for "very much" or
 * "extremely". Total 0-9; psychosocial (distress) subscale = items 5-9.
 * Subscale >= 4 -> high risk; otherwise total >= 4 -> medium; otherwise low.
 */
import type { Band } from "./bands";

export const START_BACK_BOTHER = ["not_at_all", "slightly", "moderately", "very_much", "extremely"] as const;
export type StartBackBother = (typeof START_BACK_BOTHER)[number];

export type StartBackAnswers = {
  /** Items 1-8 in order: true = agree, false = disagree, null = not answered. */
  agree: ReadonlyArray<boolean | null | undefined>;
  bothersome: StartBackBother | null | undefined;
};

export const START_BACK_RISKS = [
  { key: "low", label: "Low risk", max: 0, meaning: "Likely to do well with advice, reassurance and self-management." },
  {
    key: "medium",
    label: "Medium risk",
    max: 1,
    meaning: "Physical factors dominate: standard physiotherapy is suggested.",
  },
  {
    key: "high",
    label: "High risk",
    max: 2,
    meaning: "Psychosocial factors are strong: psychologically informed physiotherapy is suggested.",
  },
] as const satisfies readonly Band[];
export type StartBackRisk = (typeof START_BACK_RISKS)[number];

export type StartBackScore = { total: number; subscale: number; risk: StartBackRisk };

/** The subscale and total cut-points, as published. */
export const START_BACK_CUTOFF = { subscaleHigh: 4, totalMedium: 4 } as const;

/**
 * Null unless all nine items are answered: the tool's cut-points were
 * validated on complete forms, so a partial form is not guessed at.
 */
export function scoreStartBack(answers: StartBackAnswers): StartBackScore | null {
  if (answers.agree.length !== 8) throw new RangeError("STarT Back has 8 agree/disagree items before item 9");
  if (answers.agree.some((a) => a === null || a === undefined) || !answers.bothersome) return null;
  const items = answers.agree.map((a) => (a ? 1 : 0));
  const item9 = answers.bothersome === "very_much" || answers.bothersome === "extremely" ? 1 : 0;
  const total = items.reduce<number>((s, v) => s + v, 0) + item9;
  const subscale = items.slice(4).reduce<number>((s, v) => s + v, 0) + item9;
  const riskKey =
    subscale >= START_BACK_CUTOFF.subscaleHigh ? "high" : total >= START_BACK_CUTOFF.totalMedium ? "medium" : "low";
  return { total, subscale, risk: START_BACK_RISKS.find((r) => r.key === riskKey)! };
}
