import type { Metadata } from "next";
import { RedFlagAlerts } from "@/components/intake/red-flag-alerts";
import { PatientSearch } from "@/components/patients/patient-search";
import { LowAdherenceList } from "@/components/programs/low-adherence-list";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";

export const metadata: Metadata = { title: "Therapist workspace" };

export default async function TherapistHome() {
  const actor = await requirePageActor("/clinic/therapist", "patient:read:clinical");
  const [clinic, alerts, lowAdherence] = await Promise.all([
    getOwnClinic(actor),
    listRedFlagAlerts(actor),
    listLowAdherence(actor),
  ]);
  return (
    <>
      <PageHeader title="Therapist workspace" subtitle={`Signed in as ${actor.name}.`} />
      <div className="flex flex-col gap-4">
        <Card title={`Red-flag alerts (${alerts.length})`}>
          <RedFlagAlerts
            alerts={alerts}
            canAcknowledge={can(actor, "red-flag:acknowledge")}
            timeZone={clinic.timeZone}
          />
        </Card>
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
