import { OUTCOME_MEASURE_LABEL, type MeasureComparison } from "@/lib/episodes/discharge-summary-rules";
import type { DischargeSummary } from "@/lib/episodes/get-discharge-summary";
import { formatPercent } from "@/lib/programs/rules/adherence-rules";
import { formatDateOnly, formatIsoDateOnly } from "@/lib/time/format";

const DISCHARGE_REASON: Record<string, string> = {
  goals_met: "Goals met",
  plan_completed: "Plan of care completed",
  patient_stopped: "Patient stopped",
  dropped_out: "Dropped out",
  referred_on: "Referred on",
  other: "Other",
};

function ChangeCell({ m }: { m: MeasureComparison }) {
  if (!m.change || m.improvement === null) return <td className="py-2 pr-4">No follow-up score</td>;
  const verdict = m.reachedThreshold
    ? "reached the meaningful change"
    : m.change.direction === "worse" && m.change.meaningful
      ? "worse by at least the threshold"
      : "below the threshold";
  return (
    <td className="py-2 pr-4">
      <span className="font-semibold">
        {m.change.delta > 0 ? `+${m.change.delta}` : m.change.delta} ({m.change.direction})
      </span>
      <span className="block text-sm">
        {verdict} (threshold {m.change.threshold})
      </span>
    </td>
  );
}

/**
 * The discharge summary, laid out for paper too: black on white, no
 * navigation, tables that keep their rows whole. Before discharge it is the
 * same document titled "progress so far".
 */
export function DischargeSummaryView({ summary }: { summary: DischargeSummary }) {
  const { episode, patient } = summary;
  const discharged = episode.status === "discharged";
  const name = `${patient.preferredName ?? patient.firstName} ${patient.lastName}`;
  return (
    <article
      className="mx-auto flex max-w-3xl flex-col gap-6 bg-white text-black print:max-w-none"
      data-testid="discharge-summary"
    >
      <header>
        <p className="text-sm">{summary.clinic.name}</p>
        <h1 className="text-2xl font-bold">{discharged ? "Discharge summary" : "Progress so far"}</h1>
        <p>
          {name}, born {formatDateOnly(patient.dateOfBirth)}
        </p>
        <p>
          Episode from {formatIsoDateOnly(episode.startDate)}{" "}
          {discharged && episode.dischargedOn
            ? `to ${formatIsoDateOnly(episode.dischargedOn)} (${DISCHARGE_REASON[episode.dischargeReason ?? "other"] ?? "Discharged"})`
            : `, planned to ${formatIsoDateOnly(episode.plannedEndDate)}; figures as of ${formatIsoDateOnly(summary.through)}`}
        </p>
        {episode.therapistName && <p>Therapist: {episode.therapistName}</p>}
      </header>

      <section className="break-inside-avoid">
        <h2 className="text-lg font-semibold">Plan of care</h2>
        <p>
          {episode.reason}
          {episode.icd10Code && ` (ICD-10-CM ${episode.icd10Code})`}; {episode.visitsPerWeek} a week for {episode.weeks}{" "}
          weeks.
        </p>
        {episode.goals.length > 0 && (
          <ul className="mt-1 list-disc pl-6">
            {episode.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        )}
        {episode.dischargeNote && <p className="mt-2">Discharge note: {episode.dischargeNote}</p>}
      </section>

      <section className="break-inside-avoid">
        <h2 className="text-lg font-semibold">Outcome measures</h2>
        <p className="text-sm">
          {summary.baseline
            ? `Intake ${formatIsoDateOnly(summary.baseline.submittedOn)}; ${
                summary.latest
                  ? `latest questionnaire ${formatIsoDateOnly(summary.latest.submittedOn)}.`
                  : "no follow-up questionnaire yet."
              }`
            : "No submitted questionnaire in this episode."}
        </p>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">Intake against latest scores</caption>
          <thead className="border-b border-black text-sm">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Measure
              </th>
              <th scope="col" className="py-2 pr-4">
                Intake
              </th>
              <th scope="col" className="py-2 pr-4">
                Latest
              </th>
              <th scope="col" className="py-2">
                Change
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-300">
            {summary.measures.map((m) => (
              <tr key={m.measure} data-testid={`measure-${m.measure}`}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {OUTCOME_MEASURE_LABEL[m.measure]}
                </th>
                <td className="py-2 pr-4">{m.baseline ?? "—"}</td>
                <td className="py-2 pr-4">{m.latest ?? "—"}</td>
                <ChangeCell m={m} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="break-inside-avoid">
        <h2 className="text-lg font-semibold">Visits and home exercise</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Visits used</dt>
          <dd data-testid="visits-used">
            {summary.visitsUsed}
            {summary.visitsAuthorized !== null
              ? ` of ${summary.visitsAuthorized} authorised`
              : " (no authorisation recorded)"}
          </dd>
          <dt className="font-medium">Exercise adherence</dt>
          <dd>
            {summary.adherence
              ? `${formatPercent(summary.adherence.ratio)} (${summary.adherence.done} of ${summary.adherence.prescribed} sessions prescribed, ${formatIsoDateOnly(summary.adherence.from)} to ${formatIsoDateOnly(summary.adherence.to)})`
              : "No home program in this episode"}
          </dd>
        </dl>
      </section>
      <footer className="border-t border-slate-300 pt-2 text-sm">
        Printed from Mend on {formatIsoDateOnly(summary.today)}. Thresholds: ODI 10 points, NPRS 2 points, PSFS 2
        points.
      </footer>
    </article>
  );
}
