import type { Metadata } from "next";
import { headers } from "next/headers";
import { IntakeForm } from "@/components/intake/intake-form";
import { IntakeShell } from "@/components/intake/intake-shell";
import { Alert } from "@/components/ui/alert";
import { requestOrigin } from "@/lib/auth/request-origin";
import { isAppError } from "@/lib/errors";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { LINK_PROBLEM_MESSAGE, resolveIntakeLink, type LinkProblem } from "@/lib/intake/resolve-intake-link";

export const metadata: Metadata = { title: "Your intake", robots: { index: false, follow: false } };

function Problem({ problem, clinic }: { problem: LinkProblem; clinic: { name: string; phone: string } | null }) {
  return (
    <IntakeShell clinicName={clinic?.name ?? null}>
      <h1 className="text-2xl font-bold">{problem === "used" ? "Already sent" : "This link cannot be used"}</h1>
      <div className="mt-4">
        <Alert tone={problem === "used" ? "success" : "warning"}>
          <p>{LINK_PROBLEM_MESSAGE[problem]}</p>
          {clinic && (
            <p className="mt-2">
              {clinic.name}:{" "}
              <a className="font-semibold underline" href={`tel:${clinic.phone}`}>
                {clinic.phone}
              </a>
            </p>
          )}
        </Alert>
      </div>
      {problem === "used" && (
        <p className="mt-4">
          Have a patient portal account?{" "}
          <a className="font-semibold text-brand-800 underline" href="/sign-in">
            Sign in
          </a>
        </p>
      )}
    </IntakeShell>
  );
}

/** The intake opened from the emailed link: no account, this one patient's intake only. */
export default async function IntakeLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const resolved = await resolveIntakeLink(token, requestOrigin(await headers()));
  if (!resolved.ok) return <Problem problem={resolved.problem} clinic={resolved.clinic} />;
  const intake = await getIntakeForFilling(resolved.actor, resolved.actor.intakeId).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "gone" || e.code === "conflict")) return null;
    throw e;
  });
  if (!intake) return <Problem problem="used" clinic={resolved.clinic} />;
  return (
    <IntakeShell clinicName={intake.clinic.name}>
      <h1 className="mb-1 text-lg font-semibold text-slate-700">
        {intake.kind === "initial" ? "Before your first visit" : "How are you doing?"} ·{" "}
        {intake.patient.preferredName ?? intake.patient.firstName}
      </h1>
      <IntakeForm initial={intake} access={{ token }} mode="link" />
    </IntakeShell>
  );
}
