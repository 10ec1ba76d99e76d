import type { Metadata } from "next";
import { ClinicIntakeList } from "@/components/intake/clinic-intake-list";
import { RedFlagAlerts } from "@/components/intake/red-flag-alerts";
import { FrontDeskTasks } from "@/components/front-desk/front-desk-tasks";
import Link from "next/link";
import { PatientSearch } from "@/components/patients/patient-search";
import { RegisterPatientForm } from "@/components/patients/register-patient-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listTherapists } from "@/lib/booking/therapist-schedules";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { listOpenFrontDeskTasks } from "@/lib/front-desk/front-desk-tasks";
import { listClinicIntakes } from "@/lib/intake/list-clinic-intakes";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";

export const metadata: Metadata = { title: "Front desk" };

export default async function FrontDeskHome() {
  const actor = await requirePageActor("/clinic/front-desk", "patient:register");
  const [clinic, alerts, intakes, therapists, tasks] = await Promise.all([
    getOwnClinic(actor),
    listRedFlagAlerts(actor),
    listClinicIntakes(actor),
    listTherapists(actor.clinicId),
    listOpenFrontDeskTasks(actor),
  ]);
  return (
    <>
      <PageHeader
        title="Front desk"
        subtitle="Register patients and find their records."
        actions={
          <div className="flex flex-wrap gap-4">
            <Link href="/clinic/calendar" className="font-semibold text-brand-800 underline">
              Open the calendar
            </Link>
            <Link href="/clinic/front-desk/waitlist" className="font-semibold text-brand-800 underline">
              Waitlist and freed times
            </Link>
            <Link href="/clinic/front-desk/follow-up" className="font-semibold text-brand-800 underline">
              Patients to follow up
            </Link>
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Call back (${tasks.length})`}>
          <FrontDeskTasks
            timeZone={clinic.timeZone}
            tasks={tasks.map((t) => ({
              id: t.id,
              reason: t.reason,
              createdAt: t.createdAt.toISOString(),
              patient: {
                id: t.patient.id,
                name: `${t.patient.preferredName ?? t.patient.firstName} ${t.patient.lastName}`,
                phone: t.patient.phone,
              },
              appointment: t.appointment ? { startsAt: t.appointment.startsAt.toISOString() } : null,
            }))}
          />
        </Card>
        <Card title={`Red-flag alerts (${alerts.length})`}>
          <RedFlagAlerts alerts={alerts} canAcknowledge={false} timeZone={clinic.timeZone} />
        </Card>
        <Card title="Intakes">
          <ClinicIntakeList rows={intakes} timeZone={clinic.timeZone} />
        </Card>
        <Card title="Register a patient">
          <RegisterPatientForm therapists={therapists} />
        </Card>
        <Card title="Patients">
          <PatientSearch />
        </Card>
      </div>
    </>
  );
}
