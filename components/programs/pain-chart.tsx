import type { IntakeScorePoint } from "@/lib/programs/intake-scores";
import { daysBetween } from "@/lib/time/calendar-rules";
import { formatShortDay } from "@/lib/time/format";
import type { DailyPain } from "@/lib/programs/rules/pain-rules";

const W = 640;
const H = 220;
const M = { left: 34, right: 12, top: 12, bottom: 30 };

/**
 * Pain (0-10) before and after exercising, one point per day, drawn as SVG
 * (no script, prints in black and white: solid line with dots before, dashed
 * with squares after) with the same numbers as a table for screen readers.
 */
export function PainChart({
  id,
  points,
  intakeScores = [],
}: {
  id: string;
  points: DailyPain[];
  intakeScores?: IntakeScorePoint[];
}) {
  const nprs = intakeScores.filter((s) => s.measure === "NPRS");
  if (!points.length && !nprs.length) return <p className="text-slate-700">No pain ratings yet.</p>;
  const dates = [...points.map((p) => p.date), ...nprs.map((s) => s.date)].sort();
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const span = Math.max(1, daysBetween(first, last));
  const x = (d: string) => M.left + ((W - M.left - M.right) * daysBetween(first, d)) / span;
  const y = (v: number) => M.top + ((H - M.top - M.bottom) * (10 - v)) / 10;
  const line = (key: "before" | "after") =>
    points
      .filter((p) => p[key] !== null)
      .map((p, i) => `${i ? "L" : "M"} ${x(p.date).toFixed(1)} ${y(p[key]!).toFixed(1)}`)
      .join(" ");
  const withBefore = points.filter((p) => p.before !== null);
  const summary = withBefore.length
    ? `Pain before exercising went from ${withBefore[0]!.before} on ${formatShortDay(withBefore[0]!.date)} to ${withBefore.at(-1)!.before} on ${formatShortDay(withBefore.at(-1)!.date)}.`
    : "Pain ratings after exercising.";
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} className="h-auto w-full">
        <title id={`${id}-title`}>{`Pain over time (0 to 10). ${summary}`}</title>
        {[0, 2, 4, 6, 8, 10].map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#cbd5e1" strokeWidth={1} />
            <text x={M.left - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill="#334155">
              {v}
            </text>
          </g>
        ))}
        {[first, ...(span > 6 ? [last] : [])].map((d, i) => (
          <text key={d} x={x(d)} y={H - 8} textAnchor={i ? "end" : "start"} fontSize={12} fill="#334155">
            {formatShortDay(d)}
          </text>
        ))}
        <path d={line("before")} fill="none" stroke="#0f766e" strokeWidth={2.5} />
        <path d={line("after")} fill="none" stroke="#334155" strokeWidth={2} strokeDasharray="6 4" />
        {points.map((p) =>
          p.before !== null ? <circle key={`b${p.date}`} cx={x(p.date)} cy={y(p.before)} r={4} fill="#0f766e" /> : null,
        )}
        {points.map((p) =>
          p.after !== null ? (
            <rect
              key={`a${p.date}`}
              x={x(p.date) - 3.5}
              y={y(p.after) - 3.5}
              width={7}
              height={7}
              fill="#fff"
              stroke="#334155"
              strokeWidth={2}
            />
          ) : null,
        )}
        {nprs.map((s) => (
          <path
            key={`i${s.date}`}
            d={`M ${x(s.date)} ${y(s.value) - 7} l 7 7 l -7 7 l -7 -7 z`}
            fill="#fff"
            stroke="#7c2d12"
            strokeWidth={2}
          />
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 bg-brand-700 align-middle" />
          Before exercising (dots)
        </span>
        <span>
          <span
            aria-hidden="true"
            className="mr-1 inline-block w-5 border-t-2 border-dashed border-slate-700 align-middle"
          />
          After exercising (squares)
        </span>
        {nprs.length > 0 && <span>◇ Intake pain score (NPRS)</span>}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-800">Show pain ratings as a table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">Pain ratings by day</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-4">
                Day
              </th>
              <th scope="col" className="py-1 pr-4">
                Before
              </th>
              <th scope="col" className="py-1">
                After
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {formatShortDay(p.date)}
                </th>
                <td className="py-1 pr-4">{p.before ?? "—"}</td>
                <td className="py-1">{p.after ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
