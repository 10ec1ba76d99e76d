import { OUTCOME_MEASURE_LABEL, type OutcomeMeasure } from "@/lib/episodes/discharge-summary-rules";
import { SUPPRESSED_LABEL } from "@/lib/outcomes/outcome-report-rules";

export type ChartBar = { label: string; share: number | null };

const W = 640;
const ROW = 34;
const LABEL_W = 190;
const RIGHT = 56;

/**
 * Share of episodes reaching the meaningful-change threshold, one horizontal
 * bar per group. It only ever receives what the report already suppressed: a
 * hidden group arrives as null and is drawn as the words "fewer than 5", no
 * bar. The tables above hold the same figures as text (the chart's
 * alternative), and the title sums it up for screen readers.
 */
export function ThresholdShareChart({ id, measure, bars }: { id: string; measure: OutcomeMeasure; bars: ChartBar[] }) {
  if (!bars.length) return null;
  const H = bars.length * ROW + 24;
  const x = (share: number) => LABEL_W + (W - LABEL_W - RIGHT) * share;
  const summary = bars
    .map((b) => `${b.label}: ${b.share === null ? SUPPRESSED_LABEL : `${Math.round(b.share * 100)}%`}`)
    .join("; ");
  return (
    <figure className="flex flex-col gap-1">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} className="h-auto w-full">
        <title
          id={`${id}-title`}
        >{`${OUTCOME_MEASURE_LABEL[measure]}, share reaching the threshold. ${summary}.`}</title>
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={4} y2={H - 20} stroke="#cbd5e1" />
            <text x={x(t)} y={H - 6} textAnchor="middle" fontSize={12} fill="#334155">
              {`${t * 100}%`}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = 8 + i * ROW;
          return (
            <g key={b.label}>
              <text x={LABEL_W - 8} y={y + 17} textAnchor="end" fontSize={13} fill="#0f172a">
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              {b.share === null ? (
                <text x={LABEL_W + 4} y={y + 17} fontSize={13} fill="#334155" fontStyle="italic">
                  {SUPPRESSED_LABEL}
                </text>
              ) : (
                <>
                  <rect x={LABEL_W} y={y + 4} width={Math.max(1, x(b.share) - LABEL_W)} height={18} fill="#0f766e" />
                  <text x={x(b.share) + 6} y={y + 17} fontSize={13} fill="#0f172a">
                    {`${Math.round(b.share * 100)}%`}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-700">
        {OUTCOME_MEASURE_LABEL[measure]}: share of episodes with a follow-up score that improved by at least the
        meaningful-change threshold. The table above gives the same figures.
      </figcaption>
    </figure>
  );
}
