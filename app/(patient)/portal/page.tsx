import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { listOwnIntakes } from "@/lib/intake/list-own-intakes";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { getPatient } from "@/lib/patients/get-patient";
import { formatPhone } from "@/lib/patients/phone-number-rules";
import { formatDateOnly, formatIsoDateOnly } from "@/lib/time/format";

export const metadata: Metadata = { title: "My care" };

export default async function PortalHome() {
  const actor = await requirePageActor("/portal", "patient:read:own");
  const clinic = await getOwnClinic(actor);
  const patient = actor.patientId ? await getPatient(actor, actor.patientId) : null;
  const intakes = patient ? await listOwnIntakes(actor) : [];
  const pending = intakes.filter((i) => i.status === "draft");
  return (
    <>
      <PageHeader
        title={`Hello, ${patient?.preferredName ?? patient?.firstName ?? actor.name}`}
        subtitle={`Your care at ${clinic.name}`}
      />
      <div className="grid gap-4 md:grid-cols-2">
        {intakes.length > 0 && (
          <Card title="Your questionnaires">
            <ul className="flex flex-col gap-3">
              {pending.map((i) => (
                <li key={i.id}>
                  <Link
                    href={`/portal/intake/${i.id}`}
                    className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
                  >
                    {i.lastSavedAt ? "Continue" : "Start"} your{" "}
                    {i.kind === "initial" ? "intake" : "progress questionnaire"}
                  </Link>
                </li>
              ))}
              {intakes
                .filter((i) => i.status === "submitted")
                .map((i) => (
                  <li key={i.id}>
                    <Link href={`/portal/intakes/${i.id}`} className="font-medium text-brand-800 underline">
                      {i.kind === "initial" ? "Intake" : "Progress questionnaire"} sent on{" "}
                      {formatDateOnly(i.submittedAt!)}
                    </Link>
                  </li>
                ))}
            </ul>
          </Card>
        )}
        <Card title="Your details">
          {patient ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="text-slate-600">Name</dt>
              <dd>
                {patient.firstName} {patient.lastName}
              </dd>
              <dt className="text-slate-600">Date of birth</dt>
              <dd>{formatIsoDateOnly(patient.dateOfBirth)}</dd>
              <dt className="text-slate-600">Email</dt>
              <dd>{patient.email ?? "—"}</dd>
              <dt className="text-slate-600">Phone</dt>
              <dd>{patient.phone ? formatPhone(patient.phone, clinic.country) : "—"}</dd>
            </dl>
          ) : (
            <p>Your account is not linked to a patient record yet. Please call the clinic.</p>
          )}
          {patient && (
            <p className="mt-3">
              {/* A download, not a page: a plain link so the browser saves the file. */}
              <a href="/api/me/fhir" download className="font-semibold text-brand-800 underline">
                Download my record (FHIR)
              </a>
              <span className="block text-sm text-slate-700">
                Your questionnaires, scores, plan of care, home program and visits, in the standard format other clinics
                and health apps read.
              </span>
            </p>
          )}
        </Card>
        <Card title="How we contact you">
          <p>Reminders by email, text message or both.</p>
          <Link href="/portal/messages" className="mt-2 inline-block font-semibold text-brand-800 underline">
            Choose email or text
          </Link>
        </Card>
        <Card title="Appointments">
          <p>See your upcoming visits, book a new one, or move or cancel one.</p>
          <Link href="/portal/appointments" className="mt-2 inline-block font-semibold text-brand-800 underline">
            Your appointments
          </Link>
          <p className="mt-2">
            Want an earlier time?{" "}
            <Link href="/portal/waitlist" className="font-semibold text-brand-800 underline">
              Join the waitlist
            </Link>
          </p>
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
