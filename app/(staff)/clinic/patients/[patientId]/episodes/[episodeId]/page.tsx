import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthorizationsCard } from "@/components/episodes/authorizations-card";
import { EPISODE_STATUS_LABEL } from "@/components/episodes/episode-api";
import { EpisodePlanCard } from "@/components/episodes/episode-plan-card";
import { reevaluationText, visitStanding } from "@/components/episodes/episode-standing";
import { EpisodeStatusActions } from "@/components/episodes/episode-status-actions";
import { EpisodeVisits } from "@/components/episodes/episode-visits";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { getEpisode } from "@/lib/episodes/get-episode";
import { DISCHARGE_REASON_LABEL } from "@/lib/episodes/schema";
import { isAppError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/get-patient";
import { todayIn } from "@/lib/time/calendar-rules";
import { formatDateTime, formatIsoDateOnly } from "@/lib/time/format";

export const metadata: Metadata = { title: "Episode of care" };

const orNotFound = (e: unknown): never => {
  if (isAppError(e) && e.code === "not_found") notFound();
  throw e;
};

/** One episode of care: plan, authorisations and visits counted against them, linked records, status actions. */
export default async function EpisodePage({ params }: { params: Promise<{ patientId: string; episodeId: string }> }) {
  const { patientId, episodeId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}/episodes/${episodeId}`, "episode:read:schedule");
  const [clinic, patient, episode] = await Promise.all([
    getOwnClinic(actor),
    getPatient(actor, patientId).catch(orNotFound),
    getEpisode(actor, episodeId).catch(orNotFound),
  ]);
  if (episode.patientId !== patient.id) notFound();
  const today = todayIn(clinic.timeZone, new Date());
  const clinical = episode.clinical;
  const canRead = can(actor, "episode:read");
  return (
    <>
      <PageHeader
        title={`${patient.firstName} ${patient.lastName}`}
        subtitle={`Episode of care · ${EPISODE_STATUS_LABEL[episode.status]}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {canRead && (
              <>
                <Link
                  href={`/clinic/patients/${patient.id}/episodes/${episode.id}/summary`}
                  className="px-2 font-semibold text-brand-800 underline"
                >
                  Discharge summary
                </Link>
                <a
                  href={`/api/episodes/${episode.id}/fhir`}
                  download
                  className="px-2 font-semibold text-brand-800 underline"
                >
                  Export FHIR (JSON)
                </a>
              </>
            )}
            <Link href={`/clinic/patients/${patient.id}`} className="px-2 font-semibold text-brand-800 underline">
              Patient
            </Link>
          </div>
        }
      />
      <div className="grid gap-4">
        <Card title="Standing">
          <div className="grid gap-2">
            <p className="text-lg font-semibold" data-testid="episode-visit-count">
              {visitStanding(episode)}
            </p>
            {episode.beyondAuthorization > 0 && (
              <p className="font-semibold text-red-800">
                {episode.beyondAuthorization} visit{episode.beyondAuthorization === 1 ? "" : "s"} beyond the
                authorisation
              </p>
            )}
            {episode.status === "discharged" ? (
              <p data-testid="episode-discharged">
                Discharged on {formatIsoDateOnly(episode.dischargedOn!)}
                {clinical?.dischargeReason ? ` · ${DISCHARGE_REASON_LABEL[clinical.dischargeReason]}` : ""}
                {clinical?.dischargeNote ? ` · ${clinical.dischargeNote}` : ""}
              </p>
            ) : (
              <p className={episode.reevaluation.due ? "font-semibold text-amber-900" : "text-slate-700"}>
                {reevaluationText(episode.reevaluation)}
              </p>
            )}
            {episode.lastReevaluatedOn && (
              <p className="text-slate-700">Last re-evaluated on {formatIsoDateOnly(episode.lastReevaluatedOn)}</p>
            )}
            {can(actor, "episode:write") && <EpisodeStatusActions episode={episode} today={today} />}
          </div>
        </Card>
        <EpisodePlanCard episode={episode} canEdit={can(actor, "episode:write")} />
        <AuthorizationsCard episode={episode} canEdit={can(actor, "episode:authorize")} />
        <Card title="Visits">
          <EpisodeVisits episode={episode} timeZone={clinic.timeZone} />
        </Card>
        {clinical && (
          <Card title="Intakes and home program">
            <ul className="grid gap-2">
              {clinical.intakes.map((i) => (
                <li key={i.id}>
                  <Link
                    href={`/clinic/patients/${patient.id}/intakes/${i.id}`}
                    className="font-semibold text-brand-800 underline"
                  >
                    {i.kind === "initial" ? "Intake" : "Follow-up questionnaire"}
                  </Link>{" "}
                  {i.submittedAt ? `submitted ${formatDateTime(i.submittedAt, clinic.timeZone)}` : "not submitted yet"}
                  {i.id === clinical.openedFromIntakeId ? " · opened the episode" : ""}
                </li>
              ))}
              {clinical.programs.map((p) => (
                <li key={p.id}>
                  <Link
                    href={`/clinic/patients/${patient.id}/exercises`}
                    className="font-semibold text-brand-800 underline"
                  >
                    Home exercise program
                  </Link>{" "}
                  ({p.status}, version {p.version}, started {formatDateTime(p.createdAt, clinic.timeZone)})
                </li>
              ))}
              {clinical.intakes.length === 0 && clinical.programs.length === 0 && <li>None linked yet.</li>}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
