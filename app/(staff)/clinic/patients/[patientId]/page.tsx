import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/authorize";
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
