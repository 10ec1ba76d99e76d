/**
 * Intake facts that are plain functions: link lifetime, the status shown to
 * the front desk, and the scores computed from a set of answers.
 */
import { summarizePainMap } from "@/lib/pain-map/pain-map-rules";
import type { PainQuality } from "@/lib/pain-map/schema";
import type { PainRegionCode } from "@/lib/pain-map/regions";
import { scoreNprs } from "@/lib/scoring/nprs-rules";
import { scoreOswestry } from "@/lib/scoring/odi-rules";
import { scorePsfs } from "@/lib/scoring/psfs-rules";
import { scoreStartBack } from "@/lib/scoring/start-back-rules";
import type { DraftAnswers } from "./schema";

export const FORM_VERSION = "mend-intake-1";
export const LINK_LIFETIME_DAYS = 14;
/** How long after submitting through a link the patient may still create their account from it. */
export const ACCOUNT_SETUP_MINUTES = 60;

export function linkExpiry(now: Date, days = LINK_LIFETIME_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export type LinkState = "active" | "expired" | "revoked" | "used";

export function linkState(
  link: { expiresAt: Date; revokedAt: Date | null },
  intakeStatus: "draft" | "submitted",
  now: Date,
): LinkState {
  if (intakeStatus === "submitted") return "used";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export const INTAKE_PROGRESS = ["not_sent", "sent", "in_progress", "submitted"] as const;
export type IntakeProgress = (typeof INTAKE_PROGRESS)[number];
export const INTAKE_PROGRESS_LABEL: Record<IntakeProgress, string> = {
  not_sent: "Not sent",
  sent: "Sent",
  in_progress: "In progress",
  submitted: "Submitted",
};

/** Front-desk status of one intake (or of none): no clinical detail involved. */
export function intakeProgress(
  intake: { status: "draft" | "submitted"; startedAt: Date | null } | null,
): IntakeProgress {
  if (!intake) return "not_sent";
  if (intake.status === "submitted") return "submitted";
  return intake.startedAt ? "in_progress" : "sent";
}

export type IntakeScores = {
  nprs: { value: number; band: string } | null;
  odi: { percent: number; display: number; sectionsAnswered: number; band: string } | null;
  startBack: { total: number; subscale: number; risk: string } | null;
  psfs: {
    mean: number;
    display: number;
    activities: { activity: string; rating: number }[];
  } | null;
};

/** Everything scoreable in a set of answers; a missing or incomplete questionnaire scores null. */
export function computeScores(answers: DraftAnswers): IntakeScores {
  const nprs = scoreNprs(answers.painMap?.nprsNow ?? null);
  const odi = answers.odi?.sections ? scoreOswestry(answers.odi.sections) : null;
  const sb = answers.startBack;
  const startBack =
    sb?.agree && sb.agree.length === 8 ? scoreStartBack({ agree: sb.agree, bothersome: sb.bothersome }) : null;
  const activities = (answers.psfs?.activities ?? [])
    .filter((a) => a.activity.trim() !== "" && a.rating !== null)
    .map((a) => ({ activity: a.activity.trim(), rating: a.rating! }));
  const psfs = scorePsfs(activities);
  return {
    nprs: nprs && { value: nprs.value, band: nprs.band.key },
    odi: odi && {
      percent: odi.percent,
      display: odi.display,
      sectionsAnswered: odi.sectionsAnswered,
      band: odi.band.key,
    },
    startBack: startBack && { total: startBack.total, subscale: startBack.subscale, risk: startBack.risk.key },
    psfs: psfs && { mean: psfs.mean, display: psfs.display, activities },
  };
}

export function painSummaryOf(answers: DraftAnswers): string {
  return summarizePainMap(
    (answers.painMap?.marks ?? []).map((m) => ({
      code: m.code as PainRegionCode,
      intensity: m.intensity,
      qualities: m.qualities as PainQuality[],
      role: m.role,
      spreadFrom: m.spreadFrom as PainRegionCode | null,
    })),
  );
}
