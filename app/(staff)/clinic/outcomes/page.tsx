import type { Metadata } from "next";
import { AdherenceQuartileTable, OutcomeGroupTable } from "@/components/outcomes/outcome-group-table";
import { ThresholdShareChart } from "@/components/outcomes/threshold-share-chart";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { OUTCOME_MEASURES } from "@/lib/episodes/discharge-summary-rules";
import { isAppError } from "@/lib/errors";
import { getOutcomeReport, type OutcomeReportResult } from "@/lib/outcomes/get-outcome-report";
import { MIN_GROUP_SIZE, quartileLabel, shareBars } from "@/lib/outcomes/outcome-report-rules";
import { formatIsoDateOnly } from "@/lib/time/format";

export const metadata: Metadata = { title: "Outcome report" };

type Params = Record<string, string | string[] | undefined>;

const INPUT = "min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2";

export default async function OutcomesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor("/clinic/outcomes", "outcome-report:read");
  const raw = await searchParams;
  const params = {
    from: typeof raw.from === "string" ? raw.from : "",
    to: typeof raw.to === "string" ? raw.to : "",
  };
  let report: OutcomeReportResult | null = null;
  let errors: Record<string, string[]> = {};
  try {
    report = await getOutcomeReport(actor, params);
  } catch (e) {
    if (!isAppError(e) || e.code !== "validation") throw e;
    errors = e.fieldErrors ?? {};
  }
  const csvHref = report
    ? `/api/outcomes/report.csv?${new URLSearchParams({ from: report.from, to: report.to })}`
    : null;
  return (
    <>
      <PageHeader
        title="Outcome report"
        subtitle="Discharged episodes of care: change from intake to the last questionnaire, visits and home-exercise adherence."
      />
      <div className="flex flex-col gap-4">
        <Card title="Discharge dates">
          <form method="get" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
            <DateInput name="from" label="From" value={report?.from ?? params.from} errors={errors.from} />
            <DateInput name="to" label="To" value={report?.to ?? params.to} errors={errors.to} />
            <div className="flex flex-wrap gap-2">
              <button type="submit" className={buttonClass("primary")}>
                Show report
              </button>
              {csvHref && (
                <a href={csvHref} download className={buttonClass("secondary")}>
                  Download CSV
                </a>
              )}
            </div>
          </form>
        </Card>
        {!report ? <Alert tone="danger">Fix the dates above to see the report.</Alert> : <ReportBody report={report} />}
      </div>
    </>
  );
}

function DateInput({ name, label, value, errors }: { name: string; label: string; value: string; errors?: string[] }) {
  const errorId = `${name}-error`;
  return (
    <label className="flex flex-col gap-1 font-medium">
      {label}
      <input
        type="date"
        name={name}
        defaultValue={value}
        className={INPUT}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
      />
      {errors?.length ? (
        <span id={errorId} className="text-sm font-normal text-red-800">
          {errors.join(" ")}
        </span>
      ) : null}
    </label>
  );
}

function ReportBody({ report }: { report: OutcomeReportResult }) {
  const quartiles = report.byAdherence.quartiles.map((q) => ({ ...q, label: quartileLabel(q.quartile) }));
  return (
    <>
      <p className="text-slate-700" data-testid="report-range">
        Episodes discharged from {formatIsoDateOnly(report.from)} to {formatIsoDateOnly(report.to)}
        {report.overall.suppressed ? ": fewer than 5." : `: ${report.overall.episodes}.`} Improvement is in points,
        higher is better for every measure (ODI and NPRS fall, PSFS rises); “reached” means improved by at least the
        meaningful-change threshold (ODI 10, NPRS 2, PSFS 2). An episode without a follow-up score for a measure is left
        out of that measure and counted as “no follow-up score”. Groups of fewer than {MIN_GROUP_SIZE} episodes are
        never shown as figures.
      </p>
      <Card title="By therapist">
        <OutcomeGroupTable caption="Outcomes by therapist" groups={[report.overall, ...report.byTherapist]} />
      </Card>
      <Card title="By STarT Back risk group">
        <OutcomeGroupTable caption="Outcomes by STarT Back risk group" groups={report.byRisk} />
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          {OUTCOME_MEASURES.map((m) => (
            <ThresholdShareChart key={m} id={`risk-${m}`} measure={m} bars={shareBars(report.byRisk, m)} />
          ))}
        </div>
      </Card>
      <Card title="By home-exercise adherence">
        <p className="mb-2 text-slate-700">
          Episodes with a home program, split into four equal groups by adherence over the episode (sessions done of
          those prescribed). Without a home program: {report.byAdherence.withoutProgram}.
        </p>
        <AdherenceQuartileTable quartiles={report.byAdherence.quartiles} />
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          {OUTCOME_MEASURES.map((m) => (
            <ThresholdShareChart key={m} id={`adherence-${m}`} measure={m} bars={shareBars(quartiles, m)} />
          ))}
        </div>
      </Card>
    </>
  );
}
