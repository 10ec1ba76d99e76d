import Link from "next/link";
import type { RedFlagAlert } from "@/lib/intake/list-red-flag-alerts";
import { formatDateTime } from "@/lib/time/format";
import { AcknowledgeFlagForm } from "./acknowledge-flag-form";
import { TierBadge } from "./badges";

/**
 * The clinic's open red flags, emergency first. Clinicians see the rule and
 * can acknowledge; the front desk sees only who has a flag and its tier.
 */
export function RedFlagAlerts({
  alerts,
  canAcknowledge,
  timeZone,
}: {
  alerts: RedFlagAlert[];
  canAcknowledge: boolean;
  timeZone: string;
}) {
  if (alerts.length === 0) return <p className="text-slate-700">No open red flags. </p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-200" data-testid="red-flag-alerts">
      {alerts.map((a) => (
        <li key={a.id} className="py-3" data-tier={a.tier}>
          <div className="flex flex-wrap items-center gap-2">
            <TierBadge tier={a.tier} />
            <Link
              href={
                a.detail
                  ? `/clinic/patients/${a.patient.id}/intakes/${a.detail.intakeId}`
                  : `/clinic/patients/${a.patient.id}`
              }
              className="font-semibold text-brand-800 underline"
            >
              {a.patient.firstName} {a.patient.lastName}
            </Link>
            <span className="text-sm text-slate-700">raised {formatDateTime(a.raisedAt, timeZone)}</span>
          </div>
          {a.detail ? (
            <p className="mt-1">
              {a.detail.label} <span className="text-sm text-slate-600">(rules {a.detail.ruleVersion})</span>
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-700">
              {a.tier === "emergency"
                ? "A clinician must clear this before the patient can book online."
                : "A clinician will review this."}
            </p>
          )}
          {canAcknowledge && a.detail && <AcknowledgeFlagForm flagId={a.id} label={a.detail.label} />}
        </li>
      ))}
    </ul>
  );
}
