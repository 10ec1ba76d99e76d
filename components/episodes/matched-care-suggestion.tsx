import Link from "next/link";
import { MATCHED_APPROACH, MATCHED_CARE_SOURCE, matchedApproachFor } from "@/lib/episodes/matched-care-rules";

/**
 * The STarT Back group's matched approach, worded as a suggestion: the trial
 * matched it to the group; the therapist decides what this patient gets.
 */
export function MatchedCareSuggestion({ risk, programHref }: { risk: unknown; programHref: string | null }) {
  const approach = matchedApproachFor(risk);
  if (!approach) return null;
  return (
    <aside
      aria-labelledby="matched-care-heading"
      className="mt-3 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sky-950 print:border-slate-400 print:bg-white"
      data-testid="matched-care"
    >
      <h3 id="matched-care-heading" className="font-semibold">
        Suggested approach for STarT Back {approach.risk} risk: {MATCHED_APPROACH[approach.risk].title}
      </h3>
      <p>
        The STarT Back trial matched this group to {approach.approach}. This is a suggestion; you decide on the plan
        with the patient.
      </p>
      <p className="text-sm">Source: {MATCHED_CARE_SOURCE}.</p>
      {programHref && (
        <Link href={programHref} className="no-print mt-1 inline-block min-h-11 py-2 font-semibold underline">
          Build a program (a template marked for this group is pre-selected)
        </Link>
      )}
    </aside>
  );
}
