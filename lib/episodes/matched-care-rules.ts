/**
 * STarT Back-matched care (Hill et al., Lancet 2011): the approach the trial
 * matched to each risk group. Shown to the therapist as a suggestion; the
 * therapist decides what the patient gets.
 */
export const MATCHED_RISK_GROUPS = ["low", "medium", "high"] as const;
export type MatchedRiskGroup = (typeof MATCHED_RISK_GROUPS)[number];

export type MatchedApproach = { risk: MatchedRiskGroup; title: string; approach: string };

export const MATCHED_APPROACH: Record<MatchedRiskGroup, MatchedApproach> = {
  low: {
    risk: "low",
    title: "Advice and self-management",
    approach: "advice, reassurance and self-management, usually in one session",
  },
  medium: { risk: "medium", title: "Standard physiotherapy", approach: "standard physiotherapy" },
  high: {
    risk: "high",
    title: "Psychologically informed physiotherapy",
    approach: "psychologically informed physiotherapy",
  },
};

export const MATCHED_CARE_SOURCE = "Hill et al., Lancet 2011 (STarT Back trial)";

export function isMatchedRiskGroup(value: unknown): value is MatchedRiskGroup {
  return typeof value === "string" && (MATCHED_RISK_GROUPS as readonly string[]).includes(value);
}

/** The suggestion for a scored intake's risk group; null when the STarT Back tool was not completed. */
export function matchedApproachFor(risk: unknown): MatchedApproach | null {
  return isMatchedRiskGroup(risk) ? MATCHED_APPROACH[risk] : null;
}

export function suggestionText(risk: MatchedRiskGroup): string {
  return `STarT Back ${risk} risk: the matched approach is ${MATCHED_APPROACH[risk].approach}. A suggestion — you decide.`;
}

type TemplateChoice = { id: string; matchedRisk: MatchedRiskGroup | null };

/**
 * The template to pre-select for a patient's risk group: the first template
 * marked as suiting that group (templates come in the builder's own order),
 * none when no template is marked or the group is unknown.
 */
export function matchingTemplateId(templates: readonly TemplateChoice[], risk: unknown): string | null {
  if (!isMatchedRiskGroup(risk)) return null;
  return templates.find((t) => t.matchedRisk === risk)?.id ?? null;
}
