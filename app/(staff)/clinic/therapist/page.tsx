import type { Metadata } from "next";
import { PatientSearch } from "@/components/patients/patient-search";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Therapist workspace" };

export default async function TherapistHome() {
  const actor = await requirePageActor("/clinic/therapist", "patient:read:clinical");
  return (
    <>
      <PageHeader title="Therapist workspace" subtitle={`Signed in as ${actor.name}.`} />
      <Card title="Your clinic's patients">
        <PatientSearch />
      </Card>
    </>
  );
}
