import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { IntakeForm } from "@/components/intake/intake-form";
import { requirePageActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";

export const metadata: Metadata = { title: "Your intake" };

/** A signed-in patient fills their pending intake; it is the same draft the emailed link opens. */
export default async function PortalIntakePage({ params }: { params: Promise<{ intakeId: string }> }) {
  const { intakeId } = await params;
  const actor = await requirePageActor(`/portal/intake/${intakeId}`, "intake:write:own");
  const intake = await getIntakeForFilling(actor, intakeId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    if (isAppError(e) && e.code === "conflict") redirect("/portal?intake=sent");
    throw e;
  });
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-1 text-lg font-semibold text-slate-700">
        {intake.kind === "initial" ? "Your intake" : "Progress questionnaire"}
      </h1>
      <IntakeForm initial={intake} access={{ intakeId: intake.id }} mode="portal" />
    </div>
  );
}
