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

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}`, "patient:read:demographics");
  const patient = await getPatient(actor, patientId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const canUpdate = can(actor, "patient:update");
  const [clinic, intakeStatus, therapists] = await Promise.all([
    getOwnClinic(actor),
    can(actor, "intake-status:read") ? getIntakeStatus(actor, patient.id) : null,
    canUpdate ? listTherapists(actor.clinicId) : [],
  ]);
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
      />
      <div className="mt-4">
        <PatientStatusCard
          patientId={patient.id}
          active={patient.active}
          inactiveSinceText={patient.inactiveSince ? formatDateTime(patient.inactiveSince, clinic.timeZone) : null}
          inactiveReason={patient.inactiveReason}
          canChange={canUpdate}
        />
      </div>
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
