import { formatPercent, type WeekRow } from "@/lib/programs/rules/adherence-rules";
import { formatShortDay } from "@/lib/time/format";

const W = 640;
const H = 200;
const M = { left: 34, right: 8, top: 12, bottom: 30 };

/**
 * Exercise sessions done per week (bars) against what was prescribed (a
 * marker on each bar), with a table of the same numbers. `mode` "patient"
 * counts every session logged; "therapist" adds the adherence column.
 */
export function SessionsChart({ id, weeks, mode }: { id: string; weeks: WeekRow[]; mode: "patient" | "therapist" }) {
  if (!weeks.length) return <p className="text-slate-700">No weeks to show yet.</p>;
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.completedLogs, w.prescribed)));
  const band = (W - M.left - M.right) / weeks.length;
  const barW = Math.min(48, band * 0.6);
  const y = (v: number) => M.top + ((H - M.top - M.bottom) * (max - v)) / max;
  const ticks = [0, Math.round(max / 2), max];
  const current = weeks.at(-1)!;
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} className="h-auto w-full">
        <title id={`${id}-title`}>
          {`Exercise sessions per week. This week so far: ${current.completedLogs} done of ${current.prescribed} planned.`}
        </title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#cbd5e1" />
            <text x={M.left - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill="#334155">
              {v}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const cx = M.left + band * i + band / 2;
          return (
            <g key={w.weekStart}>
              <rect
                x={cx - barW / 2}
                y={y(w.completedLogs)}
                width={barW}
                height={y(0) - y(w.completedLogs)}
                fill={w.inProgress ? "#99f6e4" : "#0f766e"}
                stroke="#0f766e"
              />
              {w.prescribed > 0 && (
                <line
                  x1={cx - barW / 2 - 4}
                  x2={cx + barW / 2 + 4}
                  y1={y(w.prescribed)}
                  y2={y(w.prescribed)}
                  stroke="#0f172a"
                  strokeWidth={3}
                />
              )}
              {(weeks.length <= 6 || i % 2 === weeks.length % 2 || i === weeks.length - 1) && (
                <text x={cx} y={H - 8} textAnchor="middle" fontSize={11} fill="#334155">
                  {formatShortDay(w.weekStart)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-brand-700 align-middle" />
          Sessions done (this week in light)
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 bg-slate-900 align-middle" />
          Planned
        </span>
      </figcaption>
      <details className="text-sm" open={mode === "therapist"}>
        <summary className="cursor-pointer font-medium text-brand-800">Show sessions by week as a table</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">Exercise sessions by week</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-4">
                  Week of
                </th>
                <th scope="col" className="py-1 pr-4">
                  Done
                </th>
                <th scope="col" className="py-1 pr-4">
                  Planned
                </th>
                {mode === "therapist" && (
                  <th scope="col" className="py-1">
                    Adherence
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {[...weeks].reverse().map((w) => (
                <tr key={w.weekStart} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {formatShortDay(w.weekStart)}
                    {w.inProgress ? " (so far)" : ""}
                  </th>
                  <td className="py-1 pr-4">{mode === "therapist" ? w.done : w.completedLogs}</td>
                  <td className="py-1 pr-4">{w.prescribed}</td>
                  {mode === "therapist" && <td className="py-1">{formatPercent(w.ratio)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
