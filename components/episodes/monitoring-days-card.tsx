import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { MonitoringDays } from "@/lib/episodes/get-monitoring-days";
import type { MonitoringPeriod, ThresholdStanding } from "@/lib/episodes/monitoring-days-rules";
import { formatLongDay, formatShortDay } from "@/lib/time/format";

function standingText(period: MonitoringPeriod, t: ThresholdStanding): string {
  if (t.met) return "met";
  if (period.inProgress) return t.stillReachable ? "not yet" : "out of reach this period";
  return "not met";
}

/** Remote monitoring days per period of the patient's episode, for the therapist's follow-up page. */
export function MonitoringDaysCard({
  monitoring,
  canConfigure,
}: {
  monitoring: MonitoringDays;
  canConfigure: boolean;
}) {
  const m = monitoring;
  return (
    <Card title="Remote monitoring days">
      {!m.episode ? (
        <p className="text-slate-700">No episode of care: monitoring is counted per episode.</p>
      ) : !m.monitoringStart ? (
        <p className="text-slate-700">The episode has no home program yet: monitoring starts on its first day.</p>
      ) : m.noThresholds ? (
        <p className="text-slate-700">
          The clinic has no monitoring thresholds.{" "}
          {canConfigure && (
            <Link href="/clinic/admin/monitoring" className="font-semibold text-brand-800 underline">
              Add one
            </Link>
          )}
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            Monitoring started {formatLongDay(m.monitoringStart)} (first day of the home program). A day counts when the
            patient logged any exercise that day (clinic dates).
          </p>
          {m.schedules.map((s) => (
            <div key={s.periodDays} className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid={`monitoring-periods-${s.periodDays}`}>
                <caption className="text-left font-medium">{s.periodDays}-day periods</caption>
                <thead className="text-slate-700">
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 pr-3">
                      Period
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Days with data
                    </th>
                    {s.periods[0]?.thresholds.map((t) => (
                      <th key={t.thresholdId} scope="col" className="py-1 pr-3">
                        {t.label} ({t.minDays}+ days)
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.periods.map((p) => (
                    <tr key={p.number} className="border-b border-slate-100" data-testid="monitoring-period">
                      <th scope="row" className="py-1 pr-3 font-normal">
                        {formatShortDay(p.from)} – {formatShortDay(p.to)}
                        {p.inProgress && (
                          <span className="block text-slate-700">
                            in progress, {p.daysLeft} day{p.daysLeft === 1 ? "" : "s"} left
                          </span>
                        )}
                      </th>
                      <td className="py-1 pr-3">{p.daysWithData}</td>
                      {p.thresholds.map((t) => (
                        <td key={t.thresholdId} className={`py-1 pr-3 ${t.met ? "font-semibold text-green-800" : ""}`}>
                          {standingText(p, t)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          <details className="text-sm text-slate-700">
            <summary className="cursor-pointer">Where the thresholds come from</summary>
            <ul className="mt-1 ml-5 list-disc">
              {m.schedules
                .flatMap((s) => s.periods[0]?.thresholds ?? [])
                .map((t) => (
                  <li key={t.thresholdId}>
                    <strong>{t.label}</strong>: {t.source}
                  </li>
                ))}
            </ul>
          </details>
        </div>
      )}
    </Card>
  );
}
