import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IntakeReview } from "@/components/intake/intake-review";
import { PrintButton } from "@/components/ui/print-button";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { isAppError } from "@/lib/errors";
import { getIntakeForReview } from "@/lib/intake/get-intake-for-review";
import { OpenEpisodeForm } from "@/components/episodes/open-episode-form";
import { Card } from "@/components/ui/card";
import { openEpisodeIdOf } from "@/lib/episodes/open-episode";
import { db } from "@/lib/db";
import { psfsGoalsOf } from "@/lib/episodes/psfs-goals";
import { todayIn } from "@/lib/time/calendar-rules";

export const metadata: Metadata = { title: "Intake" };

/** Therapist and admin view of a submitted intake; also the print layout. */
export default async function IntakePage({ params }: { params: Promise<{ patientId: string; intakeId: string }> }) {
  const { patientId, intakeId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}/intakes/${intakeId}`, "intake:read");
  const [clinic, intake] = await Promise.all([
    getOwnClinic(actor),
    getIntakeForReview(actor, intakeId).catch((e: unknown) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  if (intake.patient.id !== patientId) notFound();
  // A submitted intake of a patient with no open episode offers to open one, its PSFS activities as the goals.
  // Only whether one is open is read (no episode detail is shown), so the page stays one audited intake read.
  const offerEpisode =
    intake.status === "submitted" &&
    can(actor, "episode:write") &&
    (await openEpisodeIdOf(db, actor.clinicId, intake.patient.id)) === null;
  return (
    <>
      <PageHeader
        title={`${intake.patient.firstName} ${intake.patient.lastName}`}
        subtitle={intake.kind === "initial" ? "Intake" : "Follow-up questionnaire"}
        actions={
          <div className="no-print flex flex-wrap items-center gap-2">
            <PrintButton variant="secondary" />
            {intake.status === "submitted" && (
              <a
                href={`/api/intakes/${intake.id}/fhir`}
                download
                className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100"
              >
                Export FHIR (JSON)
              </a>
            )}
            <Link
              href={`/clinic/patients/${patientId}/progress`}
              className="px-2 font-semibold text-brand-800 underline"
            >
              Scores over time
            </Link>
            <Link href={`/clinic/patients/${patientId}`} className="px-2 font-semibold text-brand-800 underline">
              Patient
            </Link>
          </div>
        }
      />
      {offerEpisode && (
        <div className="no-print mb-4">
          <Card title="Open episode of care">
            <OpenEpisodeForm
              patientId={patientId}
              intakeId={intake.id}
              goals={psfsGoalsOf(intake.answers)}
              today={todayIn(clinic.timeZone, new Date())}
            />
          </Card>
        </div>
      )}
      <IntakeReview
        intake={intake}
        timeZone={clinic.timeZone}
        canAcknowledge={can(actor, "red-flag:acknowledge")}
        programHref={can(actor, "program:write") ? `/clinic/patients/${patientId}/exercises/edit` : null}
      />
    </>
  );
}
