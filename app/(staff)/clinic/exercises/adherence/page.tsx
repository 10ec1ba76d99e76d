import type { Metadata } from "next";
import { LowAdherenceList } from "@/components/programs/low-adherence-list";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";

export const metadata: Metadata = { title: "Low adherence" };

export default async function LowAdherencePage() {
  const actor = await requirePageActor("/clinic/exercises/adherence", "program:read");
  const { rows, from, to } = await listLowAdherence(actor);
  return (
    <>
      <PageHeader
        title="Patients who may need a nudge"
        subtitle="Home exercise adherence below 50% over the last two full weeks."
      />
      <Card>
        <LowAdherenceList rows={rows} from={from} to={to} />
      </Card>
    </>
  );
}
