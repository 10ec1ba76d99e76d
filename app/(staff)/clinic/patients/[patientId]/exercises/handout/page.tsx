import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HandoutView } from "@/components/programs/handout-view";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";
import { requirePageActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getProgramHandout } from "@/lib/programs/get-program-handout";

export const metadata: Metadata = { title: "Exercise handout" };

export default async function StaffHandoutPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}/exercises/handout`, "program:read");
  const handout = await getProgramHandout(actor, patientId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <div className="no-print mb-4 flex flex-wrap gap-2">
        <PrintButton />
        <a href={`/api/patients/${patientId}/program/handout`} className={buttonClass("secondary")}>
          Download PDF
        </a>
        <Link href={`/clinic/patients/${patientId}/exercises`} className={buttonClass("ghost")}>
          Back to follow-up
        </Link>
      </div>
      <HandoutView handout={handout} />
    </>
  );
}
