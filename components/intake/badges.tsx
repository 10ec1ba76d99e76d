import { RED_FLAG_TIER_LABEL, type RedFlagTier } from "@/lib/intake/red-flag-rules";
import { INTAKE_PROGRESS_LABEL, type IntakeProgress } from "@/lib/intake/intake-rules";

const TIER_CLASS: Record<RedFlagTier, string> = {
  emergency: "bg-red-700 text-white",
  same_day: "bg-amber-200 text-amber-950 border border-amber-700",
  routine: "bg-slate-200 text-slate-900",
};

export function TierBadge({ tier }: { tier: RedFlagTier }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-bold uppercase tracking-wide ${TIER_CLASS[tier]}`}>
      {RED_FLAG_TIER_LABEL[tier]}
    </span>
  );
}

const PROGRESS_CLASS: Record<IntakeProgress, string> = {
  not_sent: "bg-slate-100 text-slate-900 border border-slate-400",
  sent: "bg-sky-100 text-sky-950",
  in_progress: "bg-amber-100 text-amber-950",
  submitted: "bg-emerald-100 text-emerald-950",
};

export function ProgressBadge({ progress }: { progress: IntakeProgress }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${PROGRESS_CLASS[progress]}`}>
      {INTAKE_PROGRESS_LABEL[progress]}
    </span>
  );
}
