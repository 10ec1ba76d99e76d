import Link from "next/link";
import type { LowAdherenceRow } from "@/lib/programs/list-low-adherence";
import { formatPercent } from "@/lib/programs/rules/adherence-rules";
import { formatShortDay } from "@/lib/time/format";

export function LowAdherenceList({ rows, from, to }: { rows: LowAdherenceRow[]; from: string; to: string }) {
  if (!rows.length)
    return (
      <p className="text-slate-700">
        Every patient with a program did at least half of it from {formatShortDay(from)} to {formatShortDay(to)}.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="mb-2 text-left text-sm text-slate-700">
          Below 50% of prescribed sessions from {formatShortDay(from)} to {formatShortDay(to)}, lowest first.
        </caption>
        <thead className="border-b border-slate-200 text-sm">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Patient
            </th>
            <th scope="col" className="py-2 pr-4">
              Adherence
            </th>
            <th scope="col" className="py-2 pr-4">
              Sessions
            </th>
            <th scope="col" className="py-2">
              Last activity
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.programId}>
              <th scope="row" className="py-2 pr-4 font-normal">
                <Link
                  href={`/clinic/patients/${r.patientId}/exercises`}
                  className="font-medium text-brand-800 underline"
                >
                  {r.patientName}
                </Link>
              </th>
              <td className="py-2 pr-4 font-semibold">{formatPercent(r.ratio)}</td>
              <td className="py-2 pr-4">
                {r.done} of {r.prescribed}
              </td>
              <td className="py-2">{r.lastActivity ? formatShortDay(r.lastActivity) : "Never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
