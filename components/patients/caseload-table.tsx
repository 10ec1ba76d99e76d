import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { TierBadge } from "@/components/intake/badges";
import { formatDateTime } from "@/lib/time/format";
import type { CaseloadRow, CaseloadView } from "@/lib/patients/list-caseload";
import { formatPercent } from "@/lib/programs/rules/adherence-rules";

const INTAKE_LABEL = { done: "Submitted", not_done: "Not yet", unknown: "—" } as const;

/** The therapist workspace's switch: the view lives in the URL query (?view=clinic), never a patient's data. */
export function CaseloadSwitch({ view }: { view: CaseloadView }) {
  const tab = (target: CaseloadView, label: string) => (
    <Link
      href={target === "mine" ? "/clinic/therapist" : "/clinic/therapist?view=clinic"}
      aria-current={view === target ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-lg px-4 py-2 font-semibold ${
        view === target ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-brand-800 underline"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Whose patients" className="flex flex-wrap gap-2">
      {tab("mine", "My patients")}
      {tab("clinic", "Whole clinic")}
    </nav>
  );
}

/** Active patients with their next visit, intake, open red-flag tier and two-week adherence. */
export function CaseloadTable({
  view,
  rows,
  truncated,
  timeZone,
}: {
  view: CaseloadView;
  rows: CaseloadRow[];
  truncated: boolean;
  timeZone: string;
}) {
  if (!rows.length)
    return (
      <p className="text-slate-700" data-testid="caseload">
        {view === "mine"
          ? "No patients have you as their primary therapist yet. Staff set it on the patient's page."
          : "The clinic has no active patients yet."}
      </p>
    );
  return (
    <DataTable
      testId="caseload"
      captionVisible
      caption={
        view === "mine"
          ? `${rows.length} active patient${rows.length === 1 ? "" : "s"} with you as primary therapist.`
          : `${rows.length}${truncated ? "+" : ""} active patients of the clinic${truncated ? ": the first ones by name; search for the others" : ""}.`
      }
      columns={[
        "Patient",
        ...(view === "clinic" ? ["Primary therapist"] : []),
        "Next visit",
        "Intake",
        "Red flag",
        "Adherence (2 weeks)",
      ]}
    >
      {rows.map((r) => (
        <tr key={r.patientId}>
          <th scope="row" className="py-2 pr-4 font-normal">
            <Link href={`/clinic/patients/${r.patientId}`} className="font-medium text-brand-800 underline">
              {r.lastName}, {r.firstName}
            </Link>
            {r.preferredName && <span className="text-sm text-slate-700"> (goes by {r.preferredName})</span>}
          </th>
          {view === "clinic" && <td className="py-2 pr-4">{r.primaryTherapistName ?? "No one yet"}</td>}
          <td className="py-2 pr-4">{r.nextVisit ? formatDateTime(r.nextVisit, timeZone) : "None booked"}</td>
          <td className="py-2 pr-4">{INTAKE_LABEL[r.intake]}</td>
          <td className="py-2 pr-4">{r.redFlagTier ? <TierBadge tier={r.redFlagTier} /> : "None open"}</td>
          <td className="py-2">{formatPercent(r.adherence)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
