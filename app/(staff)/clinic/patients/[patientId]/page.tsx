import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalInvitationButton } from "@/components/accounts/portal-invitation-button";
import { IntakeStatusCard } from "@/components/intake/intake-status-card";
import { PatientDetailsCard } from "@/components/patients/patient-details-card";
import { PatientStatusCard } from "@/components/patients/patient-status-card";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { getIntakeStatus } from "@/lib/intake/get-intake-status";
import Link from "next/link";
import { isAppError } from "@/lib/errors";
import { listTherapists } from "@/lib/booking/therapist-schedules";
import { formatDateTime, formatIsoDateOnly } from "@/lib/time/format";
import { getPatient } from "@/lib/patients/get-patient";
import { getMessagePreferences } from "@/lib/patients/message-preferences";
import { formatPhone } from "@/lib/patients/phone-number-rules";
import { MessagePreferencesForm, TextConsentState } from "@/components/patients/message-preferences-form";
import { EpisodeCard } from "@/components/episodes/episode-card";
import { listPatientEpisodes } from "@/lib/episodes/get-episode";
import { todayIn } from "@/lib/time/calendar-rules";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}`, "patient:read:demographics");
  const patient = await getPatient(actor, patientId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const canUpdate = can(actor, "patient:update");
  const [clinic, intakeStatus, therapists, messagePreferences, episodes] = await Promise.all([
    getOwnClinic(actor),
    can(actor, "intake-status:read") ? getIntakeStatus(actor, patient.id) : null,
    canUpdate ? listTherapists(actor.clinicId) : [],
    getMessagePreferences(actor, patient.id),
    can(actor, "episode:read:schedule") ? listPatientEpisodes(actor, patient.id) : null,
  ]);
  // Stored E.164, shown as people in the clinic's country write it (formatted here: the rules stay off the client).
  const phoneText = Object.fromEntries(
    [patient.phone, patient.emergencyContactPhone]
      .filter((p): p is string => Boolean(p))
      .map((p) => [p, formatPhone(p, clinic.country)]),
  );
  return (
    <>
      <PageHeader
        title={`${patient.firstName} ${patient.lastName}`}
        subtitle={
          [patient.preferredName && `Goes by ${patient.preferredName}`, !patient.active && "Inactive"]
            .filter(Boolean)
            .join(" · ") || undefined
        }
      />
      <PatientDetailsCard
        patient={patient}
        therapists={therapists}
        canEdit={canUpdate}
        dateOfBirthText={formatIsoDateOnly(patient.dateOfBirth)}
        phoneText={phoneText}
      />
      <div className="mt-4">
        <Card title="Reminders and text messages">
          <div className="flex flex-col gap-4">
            <TextConsentState preferences={messagePreferences} timeZone={clinic.timeZone} />
            {canUpdate && <MessagePreferencesForm preferences={messagePreferences} asStaff />}
          </div>
        </Card>
      </div>
      <div className="mt-4">
        <PatientStatusCard
          patientId={patient.id}
          active={patient.active}
          inactiveSinceText={patient.inactiveSince ? formatDateTime(patient.inactiveSince, clinic.timeZone) : null}
          inactiveReason={patient.inactiveReason}
          canChange={canUpdate}
        />
      </div>
      {/* episodes */}
      {episodes && (
        <div className="mt-4">
          <Card title="Episode of care">
            <EpisodeCard
              patientId={patient.id}
              episode={episodes.episodes[0] ?? null}
              canOpen={can(actor, "episode:write")}
              today={todayIn(clinic.timeZone, new Date())}
            />
          </Card>
        </div>
      )}
      {/* accounts */}
      {!patient.userId && patient.email && can(actor, "patient:register") && (
        <div className="mt-4">
          <Card title="Patient portal">
            <PortalInvitationButton patientId={patient.id} email={patient.email} />
          </Card>
        </div>
      )}
      {intakeStatus && (
        <div className="mt-4">
          <Card title="Intake and questionnaires">
            <IntakeStatusCard
              patientId={patient.id}
              status={intakeStatus}
              canSend={can(actor, "intake-link:send")}
              canRead={can(actor, "intake:read")}
              timeZone={clinic.timeZone}
            />
          </Card>
        </div>
      )}
      {/* exercises */}
      {can(actor, "program:read") && (
        <div className="mt-4">
          <Card title="Home exercise program">
            <Link href={`/clinic/patients/${patient.id}/exercises`} className="font-semibold text-brand-800 underline">
              Program, adherence and pain trend
            </Link>
          </Card>
        </div>
      )}
    </>
  );
}
