import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseFigure } from "@/components/exercises/exercise-figure";
import { MonitoringDaysCard } from "@/components/episodes/monitoring-days-card";
import { EndProgramButton } from "@/components/programs/end-program-button";
import { PainChart } from "@/components/programs/pain-chart";
import { SessionsChart } from "@/components/programs/sessions-chart";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getMonitoringDays } from "@/lib/episodes/get-monitoring-days";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time/format";
import { getProgramFollowUp } from "@/lib/programs/get-program-follow-up";
import { formatPercent, isLowAdherence } from "@/lib/programs/rules/adherence-rules";
import { formatLongDay, formatShortDay } from "@/lib/time/format";

export const metadata: Metadata = { title: "Home exercise program" };

export default async function PatientExercisesPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { patientId } = await params;
  const { saved } = await searchParams;
  const actor = await requirePageActor(`/clinic/patients/${patientId}/exercises`, "program:read");
  const f = await getProgramFollowUp(actor, patientId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  // Monitoring days are episode data (episode:read); a role with only program:read sees the program alone.
  const monitoring = can(actor, "episode:read") ? await getMonitoringDays(actor, { patientId }) : null;
  const p = f.program;
  const i = f.insights;
  const thisWeek = i?.weeks.at(-1);
  const lastWeek = i && i.weeks.length > 1 ? i.weeks.at(-2) : undefined;
  return (
    <>
      <PageHeader
        title={`Home exercise program: ${f.patient.name}`}
        subtitle={
          p
            ? `${p.current.title} · version ${p.currentVersion}${p.status === "ended" ? " · ended" : ""}`
            : "No program yet."
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/clinic/patients/${patientId}`} className={buttonClass("ghost")}>
              Patient details
            </Link>
            <Link href={`/clinic/patients/${patientId}/exercises/edit`} className={buttonClass("primary")}>
              {p?.status === "active" ? "Edit program" : "Build a program"}
            </Link>
          </div>
        }
      />
      {saved && (
        <div className="mb-4">
          <Alert tone="success" role="status" title={saved === "1" ? "Program assigned" : `Version ${saved} saved`}>
            The patient has been emailed that their program {saved === "1" ? "is ready" : "changed"}.
          </Alert>
        </div>
      )}
      {!p || !i ? (
        <Card>
          <p>
            {f.patient.name} has no home exercise program.{" "}
            <Link
              href={`/clinic/patients/${patientId}/exercises/edit`}
              className="font-semibold text-brand-800 underline"
            >
              Build one
            </Link>{" "}
            from the library or a template.
          </p>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <section aria-labelledby="adherence-summary">
            <h2 id="adherence-summary" className="sr-only">
              Adherence summary
            </h2>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <div className="rounded-xl border border-slate-200 bg-white p-4">
                <dt className="text-sm text-slate-700">This week so far</dt>
                <dd data-testid="adherence-this-week" className="text-2xl font-bold">
                  {formatPercent(thisWeek?.ratio ?? null)}
                </dd>
                <dd className="text-sm text-slate-700">
                  <span data-testid="sessions-this-week">{thisWeek?.done ?? 0}</span> of {thisWeek?.prescribed ?? 0}{" "}
                  sessions
                </dd>
              </div>
              <div className="rounded-xl border border-slate-200 bg-white p-4">
                <dt className="text-sm text-slate-700">Last week</dt>
                <dd className="text-2xl font-bold">{formatPercent(lastWeek?.ratio ?? null)}</dd>
                <dd className="text-sm text-slate-700">
                  {lastWeek ? `${lastWeek.done} of ${lastWeek.prescribed} sessions` : "—"}
                </dd>
              </div>
              <div className="rounded-xl border border-slate-200 bg-white p-4">
                <dt className="text-sm text-slate-700">Last two weeks</dt>
                <dd className={`text-2xl font-bold ${isLowAdherence(i.recentTally) ? "text-red-700" : ""}`}>
                  {formatPercent(i.recentTally.ratio)}
                </dd>
                <dd className="text-sm text-slate-700">
                  {isLowAdherence(i.recentTally) ? "Below 50%: worth a call" : "Full days only"}
                </dd>
              </div>
              <div className="rounded-xl border border-slate-200 bg-white p-4">
                <dt className="text-sm text-slate-700">Last activity</dt>
                <dd className="text-2xl font-bold">{i.lastActivity ? formatShortDay(i.lastActivity) : "None yet"}</dd>
                <dd className="text-sm text-slate-700">
                  Streak: {i.streak} day{i.streak === 1 ? "" : "s"}
                </dd>
              </div>
            </dl>
          </section>

          {i.painFlags.length > 0 && (
            <Alert tone="warning" title="Exercises that raised pain by 2 or more (last 14 days)">
              <ul className="ml-5 list-disc">
                {i.painFlags.map((fl) => (
                  <li key={fl.exerciseId}>
                    <strong>{fl.exerciseName}</strong>: pain rose by 2 or more in {fl.flagged} of {fl.rated} rated
                    session
                    {fl.rated === 1 ? "" : "s"} (largest rise {fl.largestRise}, last on{" "}
                    {formatShortDay(fl.lastFlaggedOn)}).
                  </li>
                ))}
              </ul>
            </Alert>
          )}

          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Adherence by week">
              <SessionsChart id="followup-sessions" weeks={i.weeks} mode="therapist" />
            </Card>
            <Card title="Pain trend">
              <PainChart id="followup-pain" points={i.pain} intakeScores={f.intakeScores} />
              {f.intakeScores.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">
                  Intake scores appear here once the patient has a submitted intake.
                </p>
              ) : (
                <table className="mt-3 w-full text-left text-sm">
                  <caption className="text-left font-medium">Questionnaire scores from intakes</caption>
                  <thead className="text-slate-700">
                    <tr>
                      <th scope="col" className="py-1 pr-3">
                        Date
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        Measure
                      </th>
                      <th scope="col" className="py-1">
                        Score
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.intakeScores.map((s) => (
                      <tr key={`${s.date}-${s.measure}`} className="border-t border-slate-100">
                        <td className="py-1 pr-3">{s.date}</td>
                        <td className="py-1 pr-3">
                          {s.measure === "ODI"
                            ? "Oswestry (%)"
                            : s.measure === "PSFS"
                              ? "PSFS (0-10, higher is better)"
                              : "NPRS (0-10)"}
                        </td>
                        <td className="py-1">{s.value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
          </div>

          {monitoring && <MonitoringDaysCard monitoring={monitoring} canConfigure={can(actor, "clinic:configure")} />}

          <Card
            title={`Current program (version ${p.currentVersion})`}
            actions={
              <div className="flex flex-wrap gap-2">
                <Link href={`/clinic/patients/${patientId}/exercises/handout`} className={buttonClass("secondary")}>
                  Printable handout
                </Link>
                <a href={`/api/patients/${patientId}/program/handout`} className={buttonClass("secondary")}>
                  Download PDF
                </a>
                {p.status === "active" && <EndProgramButton programId={p.id} version={p.currentVersion} />}
              </div>
            }
          >
            <p className="mb-3 text-slate-700">
              From {formatLongDay(p.current.startDate)}
              {p.current.endDate ? ` to ${formatLongDay(p.current.endDate)}` : ", no end date"}
              {p.endedOn ? `; ended ${formatLongDay(p.endedOn)}` : ""}.
            </p>
            <ol className="flex flex-col divide-y divide-slate-100">
              {p.current.items.map((item) => (
                <li key={item.id} className="flex items-center gap-3 py-2">
                  <span className="w-16 shrink-0">
                    <ExerciseFigure figureKey={item.exercise.figureKey} position={item.exercise.position} />
                  </span>
                  <span>
                    <span className="block font-medium">{item.exercise.name}</span>
                    <span className="block text-sm text-slate-700">{item.dosageText}</span>
                    {item.dosage.notes && (
                      <span className="block text-sm text-slate-700">Note: {item.dosage.notes}</span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </Card>

          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Version history">
              <ol className="flex flex-col gap-2">
                {p.versions.map((v) => (
                  <li key={v.version} className="rounded-lg border border-slate-200 p-3">
                    <p className="font-medium">
                      Version {v.version}: {v.title}
                    </p>
                    <p className="text-sm text-slate-700">
                      Saved by {v.createdByName}, {formatDateTime(new Date(v.createdAt), f.timeZone)}; {v.itemCount}{" "}
                      exercises; {v.logCount} session{v.logCount === 1 ? "" : "s"} logged against it.
                    </p>
                    {v.changeNote && <p className="text-sm">Change: {v.changeNote}</p>}
                  </li>
                ))}
              </ol>
            </Card>
            <Card title="Recent sessions">
              {i.recent.length === 0 ? (
                <p className="text-slate-700">No sessions logged yet.</p>
              ) : (
                // Focusable so keyboard users can scroll a long list (axe: scrollable-region-focusable).
                <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label="Recent sessions list">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">Recent sessions</caption>
                    <thead className="sticky top-0 bg-white">
                      <tr className="border-b border-slate-200">
                        <th scope="col" className="py-1 pr-3">
                          Day
                        </th>
                        <th scope="col" className="py-1 pr-3">
                          Exercise
                        </th>
                        <th scope="col" className="py-1 pr-3">
                          Done
                        </th>
                        <th scope="col" className="py-1">
                          Pain before → after
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {i.recent.map((r) => (
                        <tr key={r.id} className="border-b border-slate-100">
                          <td className="py-1 pr-3">{formatShortDay(r.localDate)}</td>
                          <td className="py-1 pr-3">
                            {r.exerciseName} <span className="text-slate-600">(v{r.version})</span>
                          </td>
                          <td className="py-1 pr-3">
                            {r.completed
                              ? [
                                  r.setsDone && `${r.setsDone} set${r.setsDone === 1 ? "" : "s"}`,
                                  r.repsDone && `${r.repsDone} reps`,
                                  r.holdSecondsDone && `${r.holdSecondsDone} s`,
                                  r.minutesDone && `${r.minutesDone} min`,
                                ]
                                  .filter(Boolean)
                                  .join(", ") || "Yes"
                              : "Skipped"}
                          </td>
                          <td className="py-1">
                            {r.painBefore ?? "—"} → {r.painAfter ?? "—"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
