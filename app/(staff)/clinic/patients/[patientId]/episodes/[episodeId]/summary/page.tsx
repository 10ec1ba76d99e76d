import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DischargeSummaryView } from "@/components/episodes/discharge-summary-view";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getDischargeSummary } from "@/lib/episodes/get-discharge-summary";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Discharge summary" };

/** Printable; before discharge it reads as "progress so far". */
export default async function DischargeSummaryPage({
  params,
}: {
  params: Promise<{ patientId: string; episodeId: string }>;
}) {
  const { patientId, episodeId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}/episodes/${episodeId}/summary`, "episode:read");
  const summary = await getDischargeSummary(actor, episodeId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  if (summary.patient.id !== patientId) notFound();
  return (
    <>
      <div className="no-print mb-4 flex flex-wrap gap-2">
        <PrintButton />
        <Link href={`/clinic/patients/${patientId}/episodes/${episodeId}`} className={buttonClass("ghost")}>
          Back to the episode
        </Link>
      </div>
      <DischargeSummaryView summary={summary} />
    </>
  );
}
