import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { getPatient } from "@/lib/patients/get-patient";
import { formatDateOnly } from "@/lib/format";

export const metadata: Metadata = { title: "My care" };

export default async function PortalHome() {
  const actor = await requirePageActor("/portal", "patient:read:own");
  const clinic = await getOwnClinic(actor);
  const patient = actor.patientId ? await getPatient(actor, actor.patientId) : null;
  return (
    <>
      <PageHeader
        title={`Hello, ${patient?.preferredName ?? patient?.firstName ?? actor.name}`}
        subtitle={`Your care at ${clinic.name}`}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Your details">
          {patient ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="text-slate-600">Name</dt>
              <dd>
                {patient.firstName} {patient.lastName}
              </dd>
              <dt className="text-slate-600">Date of birth</dt>
              <dd>{formatDateOnly(patient.dateOfBirth)}</dd>
              <dt className="text-slate-600">Email</dt>
              <dd>{patient.email ?? "—"}</dd>
              <dt className="text-slate-600">Phone</dt>
              <dd>{patient.phone ?? "—"}</dd>
            </dl>
          ) : (
            <p>Your account is not linked to a patient record yet. Please call the clinic.</p>
          )}
        </Card>
        {/* exercises */}
        <Card title="Home exercises">
          <p>Your exercises for today, with pictures, steps and a timer.</p>
          <Link href="/portal/exercises" className="mt-2 inline-block font-semibold text-brand-800 underline">
            Open today&rsquo;s exercises
          </Link>
        </Card>
        <Card title="Your clinic">
          <p className="font-medium">{clinic.name}</p>
          <p>{clinic.address}</p>
          <p>
            Phone:{" "}
            <a className="font-medium text-brand-800 underline" href={`tel:${clinic.phone}`}>
              {clinic.phone}
            </a>
          </p>
        </Card>
      </div>
    </>
  );
}
