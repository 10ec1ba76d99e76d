import type { Metadata } from "next";
import { PatientSearch } from "@/components/patients/patient-search";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage() {
  await requirePageActor("/clinic/patients", "patient:read:demographics");
  return (
    <>
      <PageHeader title="Patients" />
      <Card>
        <PatientSearch />
      </Card>
    </>
  );
}
