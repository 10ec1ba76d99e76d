/**
 * Evaluates a red-flag ruleset (data) against an intake's answers. Pure: the
 * caller supplies the patient's age; nothing here reads a clock or a database.
 */
export const RED_FLAG_TIERS = ["emergency", "same_day", "routine"] as const;
export type RedFlagTier = (typeof RED_FLAG_TIERS)[number];

export const RED_FLAG_TIER_LABEL: Record<RedFlagTier, string> = {
  emergency: "Emergency",
  same_day: "Same-day review",
  routine: "Routine note",
};

/** Conditions a rule may use; a tiny language so rules stay data. */
export type RuleCondition =
  | { answer: string; in: readonly string[] }
  | { ageOver: number }
  | { ageUnder: number }
  | { painQualityAny: readonly string[] }
  | { all: readonly RuleCondition[] }
  | { any: readonly RuleCondition[] };

export type RedFlagRule = { id: string; tier: RedFlagTier; label: string; when: RuleCondition };
export type RedFlagRuleset = { version: string; rules: readonly RedFlagRule[] };

export type TriageFacts = {
  /** The intake answers, nested by step ("redFlags.saddleNumbness"). */
  answers: unknown;
  /** Whole years on the day of the intake; null when unknown. */
  ageYears: number | null;
};

export type RaisedFlag = { ruleId: string; tier: RedFlagTier; label: string; ruleVersion: string };

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function painQualities(answers: unknown): Set<string> {
  const marks = valueAt(answers, "painMap.marks");
  const out = new Set<string>();
  if (!Array.isArray(marks)) return out;
  for (const m of marks) {
    const qs = (m as { qualities?: unknown })?.qualities;
    if (Array.isArray(qs)) for (const q of qs) if (typeof q === "string") out.add(q);
  }
  return out;
}

function conditionHolds(condition: RuleCondition, facts: TriageFacts): boolean {
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, facts));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, facts));
  if ("ageOver" in condition) return facts.ageYears !== null && facts.ageYears > condition.ageOver;
  if ("ageUnder" in condition) return facts.ageYears !== null && facts.ageYears < condition.ageUnder;
  if ("painQualityAny" in condition) {
    const qs = painQualities(facts.answers);
    return condition.painQualityAny.some((q) => qs.has(q));
  }
  const value = valueAt(facts.answers, condition.answer);
  return typeof value === "string" && condition.in.includes(value);
}

const TIER_ORDER: Record<RedFlagTier, number> = { emergency: 0, same_day: 1, routine: 2 };

/** Every rule that fires, emergency first, in the ruleset's order within a tier. */
export function evaluateRedFlags(
  ruleset: RedFlagRuleset,
  facts: TriageFacts,
  options: { tiers?: readonly RedFlagTier[] } = {},
): RaisedFlag[] {
  return ruleset.rules
    .filter((r) => !options.tiers || options.tiers.includes(r.tier))
    .filter((r) => conditionHolds(r.when, facts))
    .map((r) => ({ ruleId: r.id, tier: r.tier, label: r.label, ruleVersion: ruleset.version }))
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
}

export function hasEmergency(flags: readonly Pick<RaisedFlag, "tier">[]): boolean {
  return flags.some((f) => f.tier === "emergency");
}

/** Whole years between a date of birth (YYYY-MM-DD) and a day (YYYY-MM-DD), by calendar. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
