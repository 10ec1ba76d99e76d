import type { Metadata } from "next";
import { PatientSearch } from "@/components/patients/patient-search";
import { LowAdherenceList } from "@/components/programs/low-adherence-list";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";

export const metadata: Metadata = { title: "Therapist workspace" };

export default async function TherapistHome() {
  const actor = await requirePageActor("/clinic/therapist", "patient:read:clinical");
  const lowAdherence = await listLowAdherence(actor);
  return (
    <>
      <PageHeader title="Therapist workspace" subtitle={`Signed in as ${actor.name}.`} />
      <div className="flex flex-col gap-4">
        <Card title="Your clinic's patients">
          <PatientSearch />
        </Card>
        {/* exercises */}
        <Card title="Home exercise: adherence below 50%">
          <LowAdherenceList {...lowAdherence} />
        </Card>
      </div>
    </>
  );
}
