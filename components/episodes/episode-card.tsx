import Link from "next/link";
import { formatIsoDateOnly } from "@/lib/time/format";
import { EPISODE_STATUS_LABEL, type EpisodeViewWire } from "./episode-api";
import { reevaluationText, visitStanding } from "./episode-standing";
import { OpenEpisodeForm } from "./open-episode-form";

/**
 * The patient page's "Episode of care" card: the open episode's status, plan
 * and visit count against the authorisation, or a way to open one.
 */
export function EpisodeCard({
  patientId,
  episode,
  canOpen,
  today,
}: {
  patientId: string;
  episode: EpisodeViewWire | null;
  canOpen: boolean;
  today: string;
}) {
  if (!episode || episode.status === "discharged")
    return (
      <div className="grid gap-3" data-testid="episode-card">
        <p className="text-slate-700">
          {episode
            ? `The last episode was discharged on ${formatIsoDateOnly(episode.dischargedOn!)}.`
            : "No episode of care yet."}{" "}
          {episode && (
            <Link
              href={`/clinic/patients/${patientId}/episodes/${episode.id}`}
              className="font-semibold text-brand-800 underline"
            >
              See the last episode
            </Link>
          )}
        </p>
        {canOpen && (
          <details className="rounded-lg border border-slate-200 p-3">
            <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">Open episode</summary>
            <div className="mt-3">
              <OpenEpisodeForm patientId={patientId} today={today} />
            </div>
          </details>
        )}
      </div>
    );
  return (
    <div className="grid gap-2" data-testid="episode-card">
      <p>
        <span className="font-semibold">{EPISODE_STATUS_LABEL[episode.status]}</span> · {episode.visitsPerWeek} a week
        for {episode.weeks} weeks, {formatIsoDateOnly(episode.startDate)} to {formatIsoDateOnly(episode.plannedEndDate)}
      </p>
      <p className="font-semibold" data-testid="episode-visit-count">
        {visitStanding(episode)}
      </p>
      {episode.beyondAuthorization > 0 && (
        <p className="font-semibold text-red-800">
          {episode.beyondAuthorization} visit{episode.beyondAuthorization === 1 ? "" : "s"} beyond the authorisation
        </p>
      )}
      <p className={episode.reevaluation.due ? "font-semibold text-amber-900" : "text-slate-700"}>
        {reevaluationText(episode.reevaluation)}
      </p>
      <p>
        <Link
          href={`/clinic/patients/${patientId}/episodes/${episode.id}`}
          className="font-semibold text-brand-800 underline"
        >
          Episode details
        </Link>
      </p>
    </div>
  );
}
