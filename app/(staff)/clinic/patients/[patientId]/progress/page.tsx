import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BodyFigure, MapLegend } from "@/components/pain-map/body-figure";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { isAppError } from "@/lib/errors";
import { formatDateOnly } from "@/lib/time/format";
import { getPatientProgress } from "@/lib/intake/get-patient-progress";
import type { ProgressRow } from "@/lib/intake/progress-rules";
import { compareMaps } from "@/lib/pain-map/pain-map-rules";
import { regionLabel } from "@/lib/pain-map/regions";
import type { ScoreChange } from "@/lib/scoring/change-rules";

export const metadata: Metadata = { title: "Scores over time" };

function Change({ change }: { change: ScoreChange | null }) {
  if (!change) return <span className="text-slate-500">—</span>;
  const sign = change.delta > 0 ? "+" : "";
  return (
    <span>
      {sign}
      {change.delta}{" "}
      <span
        className={
          change.direction === "better" ? "text-emerald-800" : change.direction === "worse" ? "text-red-800" : ""
        }
      >
        ({change.direction})
      </span>
      {change.meaningful ? (
        <strong className="ml-1">✓ meaningful (≥ {change.threshold})</strong>
      ) : (
        <span className="ml-1 text-sm text-slate-600">below {change.threshold}</span>
      )}
    </span>
  );
}

function SeriesTable({ caption, rows, unit }: { caption: string; rows: ProgressRow[]; unit: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead className="border-b border-slate-300 text-sm text-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-4">
              Date
            </th>
            <th scope="col" className="py-1 pr-4">
              Score
            </th>
            <th scope="col" className="py-1 pr-4">
              Change from previous
            </th>
            <th scope="col" className="py-1">
              Change from first
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.intakeId}>
              <td className="py-1 pr-4">{formatDateOnly(r.date)}</td>
              <td className="py-1 pr-4 font-semibold">
                {r.value === null ? "—" : `${r.value}${unit}`}
                {r.band && (
                  <span className="ml-1 text-sm font-normal text-slate-700">({r.band.replace("_", " ")})</span>
                )}
              </td>
              <td className="py-1 pr-4">
                <Change change={r.fromPrevious} />
              </td>
              <td className="py-1">
                <Change change={r.fromBaseline} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** ODI, NPRS and PSFS over time with their meaningful-change thresholds, and two pain maps side by side. */
export default async function ProgressPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { patientId } = await params;
  const query = await searchParams;
  const actor = await requirePageActor(`/clinic/patients/${patientId}/progress`, "intake:read");
  await getOwnClinic(actor);
  const progress = await getPatientProgress(actor, patientId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const { intakes } = progress;
  const pick = (v: unknown, fallback: string | undefined) =>
    typeof v === "string" && intakes.some((i) => i.id === v) ? v : fallback;
  const fromId = pick(query.from, intakes[0]?.id);
  const toId = pick(query.to, intakes[intakes.length - 1]?.id);
  const from = intakes.find((i) => i.id === fromId);
  const to = intakes.find((i) => i.id === toId);
  const diff = from && to ? compareMaps(from.marks, to.marks) : null;
  const label = (i: (typeof intakes)[number]) =>
    `${formatDateOnly(i.submittedAt)} · ${i.kind === "initial" ? "intake" : "follow-up"}`;

  return (
    <>
      <PageHeader
        title={`${progress.patient.firstName} ${progress.patient.lastName}: scores over time`}
        actions={
          <Link href={`/clinic/patients/${patientId}`} className="font-semibold text-brand-800 underline">
            Patient
          </Link>
        }
      />
      {intakes.length === 0 ? (
        <Card>
          <p>No submitted intakes yet.</p>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <Card title="Scores">
            <div className="flex flex-col gap-6">
              <SeriesTable
                caption="Oswestry Disability Index (lower is better; detectable change 10 points)"
                rows={progress.odi}
                unit="%"
              />
              <SeriesTable
                caption="Pain now, NPRS (lower is better; meaningful change 2 points)"
                rows={progress.nprs}
                unit="/10"
              />
              <SeriesTable
                caption="Patient-Specific Functional Scale (higher is better; meaningful change 2 points)"
                rows={progress.psfs}
                unit="/10"
              />
              {progress.psfsActivities.length > 0 && (
                <div className="overflow-x-auto">
                  <table className="w-full text-left">
                    <caption className="mb-2 text-left font-semibold">
                      PSFS activities (meaningful change 3 points)
                    </caption>
                    <thead className="border-b border-slate-300 text-sm text-slate-700">
                      <tr>
                        <th scope="col" className="py-1 pr-4">
                          Activity
                        </th>
                        {intakes.map((i) => (
                          <th key={i.id} scope="col" className="py-1 pr-4">
                            {formatDateOnly(i.submittedAt)}
                          </th>
                        ))}
                        <th scope="col" className="py-1">
                          Change from first
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {progress.psfsActivities.map((a) => (
                        <tr key={a.activity}>
                          <th scope="row" className="py-1 pr-4 font-normal">
                            {a.activity}
                          </th>
                          {a.ratings.map((r) => (
                            <td key={r.intakeId} className="py-1 pr-4">
                              {r.rating ?? "—"}
                            </td>
                          ))}
                          <td className="py-1">
                            <Change change={a.fromBaseline} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          </Card>

          <Card title="Pain map comparison">
            <form method="get" className="no-print mb-4 flex flex-wrap items-end gap-3">
              <label className="flex flex-col gap-1 font-medium">
                Earlier
                <select
                  name="from"
                  defaultValue={fromId}
                  className="min-h-11 rounded-lg border border-slate-400 bg-white px-3"
                >
                  {intakes.map((i) => (
                    <option key={i.id} value={i.id}>
                      {label(i)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 font-medium">
                Later
                <select
                  name="to"
                  defaultValue={toId}
                  className="min-h-11 rounded-lg border border-slate-400 bg-white px-3"
                >
                  {intakes.map((i) => (
                    <option key={i.id} value={i.id}>
                      {label(i)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="submit"
                className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
              >
                Compare
              </button>
            </form>
            {from && to && diff && (
              <div className="flex flex-col gap-4">
                <div className="grid gap-4 md:grid-cols-2">
                  {[from, to].map((i, n) => (
                    <section key={`${i.id}-${n}`} aria-label={`${n === 0 ? "Earlier" : "Later"}: ${label(i)}`}>
                      <h3 className="font-semibold">
                        {n === 0 ? "Earlier" : "Later"}: {label(i)}
                      </h3>
                      <p className="text-sm">{i.painSummary}</p>
                      <div className="mt-2 grid grid-cols-2 gap-2">
                        {(["front", "back"] as const).map((v) => (
                          <BodyFigure
                            key={v}
                            view={v}
                            marks={i.marks}
                            audience="staff"
                            title={`${v === "front" ? "Front" : "Back"}, ${label(i)}`}
                            caption={v === "front" ? "Front" : "Back"}
                            highlight={n === 1 ? { gained: diff.gained } : { lost: diff.lost }}
                          />
                        ))}
                      </div>
                    </section>
                  ))}
                </div>
                <MapLegend />
                <dl className="grid gap-2 sm:grid-cols-3" data-testid="map-diff">
                  <div>
                    <dt className="font-semibold text-emerald-800">Regions gained (green outline)</dt>
                    <dd>{diff.gained.length ? diff.gained.map(regionLabel).join("; ") : "None"}</dd>
                  </div>
                  <div>
                    <dt className="font-semibold text-violet-800">Regions lost (dashed purple outline)</dt>
                    <dd>{diff.lost.length ? diff.lost.map(regionLabel).join("; ") : "None"}</dd>
                  </div>
                  <div>
                    <dt className="font-semibold">In both</dt>
                    <dd>
                      {diff.kept.length
                        ? diff.kept.map((k) => `${regionLabel(k.code)} ${k.before}→${k.after}`).join("; ")
                        : "None"}
                    </dd>
                  </div>
                </dl>
              </div>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
