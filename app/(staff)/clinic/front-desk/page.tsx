import type { Metadata } from "next";
import Link from "next/link";
import { PatientSearch } from "@/components/patients/patient-search";
import { RegisterPatientForm } from "@/components/patients/register-patient-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Front desk" };

export default async function FrontDeskHome() {
  await requirePageActor("/clinic/front-desk", "patient:register");
  return (
    <>
      <PageHeader
        title="Front desk"
        subtitle="Register patients and find their records."
        actions={
          <Link href="/clinic/calendar" className="font-semibold text-brand-800 underline">
            Open the calendar
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Register a patient">
          <RegisterPatientForm />
        </Card>
        <Card title="Patients">
          <PatientSearch />
        </Card>
      </div>
    </>
  );
}
