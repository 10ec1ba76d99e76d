import Link from "next/link";
import { formatDateTime } from "@/lib/time/format";
import type { ClinicIntakeRow } from "@/lib/intake/list-clinic-intakes";
import { ProgressBadge } from "./badges";

/** Front desk: whose intake is still waiting, in progress or done. Status only. */
export function ClinicIntakeList({ rows, timeZone }: { rows: ClinicIntakeRow[]; timeZone: string }) {
  if (rows.length === 0) return <p className="text-slate-700">No intakes sent yet.</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="clinic-intakes">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <Link href={`/clinic/patients/${r.patient.id}`} className="font-medium text-brand-800 underline">
            {r.patient.lastName}, {r.patient.firstName}
          </Link>
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <span>{r.kind === "initial" ? "Intake" : "Follow-up"}</span>
            <ProgressBadge progress={r.progress} />
            {r.linkState === "expired" && <span className="font-semibold text-amber-900">link expired</span>}
            {r.linkState === "revoked" && r.progress !== "submitted" && (
              <span className="text-slate-700">link revoked</span>
            )}
            <span className="text-slate-600">{formatDateTime(r.updatedAt, timeZone)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
