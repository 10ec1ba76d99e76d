import type { Metadata } from "next";
import { ClinicIntakeList } from "@/components/intake/clinic-intake-list";
import { RedFlagAlerts } from "@/components/intake/red-flag-alerts";
import Link from "next/link";
import { PatientSearch } from "@/components/patients/patient-search";
import { RegisterPatientForm } from "@/components/patients/register-patient-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listTherapists } from "@/lib/booking/therapist-schedules";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { listClinicIntakes } from "@/lib/intake/list-clinic-intakes";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";

export const metadata: Metadata = { title: "Front desk" };

export default async function FrontDeskHome() {
  const actor = await requirePageActor("/clinic/front-desk", "patient:register");
  const [clinic, alerts, intakes, therapists] = await Promise.all([
    getOwnClinic(actor),
    listRedFlagAlerts(actor),
    listClinicIntakes(actor),
    listTherapists(actor.clinicId),
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
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
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
