import type { Metadata } from "next";
import { RedFlagAlerts } from "@/components/intake/red-flag-alerts";
import { CaseloadSwitch, CaseloadTable } from "@/components/patients/caseload-table";
import { PatientSearch } from "@/components/patients/patient-search";
import { LowAdherenceList } from "@/components/programs/low-adherence-list";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";
import { listCaseload } from "@/lib/patients/list-caseload";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";

export const metadata: Metadata = { title: "Therapist workspace" };

/**
 * Opens on "My patients" (primary therapist = me); ?view=clinic shows the
 * whole clinic. Red-flag alerts and low adherence stay clinic-wide in both
 * views: a flag on a patient without a primary therapist must not go unseen
 * (decision 059).
 */
export default async function TherapistHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/clinic/therapist", "patient:read:clinical");
  const { view: requested } = await searchParams;
  const [clinic, alerts, lowAdherence, caseload] = await Promise.all([
    getOwnClinic(actor),
    listRedFlagAlerts(actor),
    listLowAdherence(actor),
    listCaseload(actor, { view: typeof requested === "string" ? requested : undefined }),
  ]);
  return (
    <>
      <PageHeader
        title="Therapist workspace"
        subtitle={`Signed in as ${actor.name}.`}
        actions={<CaseloadSwitch view={caseload.view} />}
      />
      <div className="flex flex-col gap-4">
        <Card title={`Red-flag alerts (${alerts.length})`}>
          <RedFlagAlerts
            alerts={alerts}
            canAcknowledge={can(actor, "red-flag:acknowledge")}
            timeZone={clinic.timeZone}
          />
        </Card>
        <Card title={caseload.view === "mine" ? "My patients" : "All active patients"}>
          <CaseloadTable {...caseload} timeZone={clinic.timeZone} />
        </Card>
        <Card title="Find any of your clinic's patients">
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
