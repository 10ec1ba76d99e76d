import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalInvitationButton } from "@/components/accounts/portal-invitation-button";
import { IntakeStatusCard } from "@/components/intake/intake-status-card";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { getIntakeStatus } from "@/lib/intake/get-intake-status";
import Link from "next/link";
import { isAppError } from "@/lib/errors";
import { formatDateOnly } from "@/lib/format";
import { getPatient } from "@/lib/patients/get-patient";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}`, "patient:read:demographics");
  const patient = await getPatient(actor, patientId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const [clinic, intakeStatus] = await Promise.all([
    getOwnClinic(actor),
    can(actor, "intake-status:read") ? getIntakeStatus(actor, patient.id) : null,
  ]);
  return (
    <>
      <PageHeader
        title={`${patient.firstName} ${patient.lastName}`}
        subtitle={patient.preferredName ? `Goes by ${patient.preferredName}` : undefined}
      />
      <Card title="Demographics and contact">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-slate-600">Date of birth</dt>
          <dd>{formatDateOnly(patient.dateOfBirth)}</dd>
          <dt className="text-slate-600">Email</dt>
          <dd>{patient.email ?? "—"}</dd>
          <dt className="text-slate-600">Phone</dt>
          <dd>{patient.phone ?? "—"}</dd>
          <dt className="text-slate-600">Portal account</dt>
          <dd>{patient.userId ? "Yes" : "Not yet"}</dd>
        </dl>
      </Card>
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
