import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IntakeReview } from "@/components/intake/intake-review";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { isAppError } from "@/lib/errors";
import { getIntakeForReview } from "@/lib/intake/get-intake-for-review";

export const metadata: Metadata = { title: "Your answers" };

/** A patient reads their own submitted intake: the same record the clinic reads. */
export default async function OwnIntakePage({ params }: { params: Promise<{ intakeId: string }> }) {
  const { intakeId } = await params;
  const actor = await requirePageActor(`/portal/intakes/${intakeId}`, "intake:read:own");
  const [clinic, intake] = await Promise.all([
    getOwnClinic(actor),
    getIntakeForReview(actor, intakeId).catch((e: unknown) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <>
      <PageHeader
        title={intake.kind === "initial" ? "Your intake" : "Your progress questionnaire"}
        actions={
          <Link href="/portal" className="font-semibold text-brand-800 underline">
            Back to My care
          </Link>
        }
      />
      <IntakeReview intake={intake} timeZone={clinic.timeZone} canAcknowledge={false} audience="patient" />
    </>
  );
}
