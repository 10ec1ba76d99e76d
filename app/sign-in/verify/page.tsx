import type { Metadata } from "next";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { MfaCodeForm } from "@/components/auth/mfa-code-form";
import { MfaEnrolment } from "@/components/auth/mfa-enrolment";
import { currentSession } from "@/lib/auth/current-actor";
import { beginEnrolment } from "@/lib/auth/mfa";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export const metadata: Metadata = { title: "Two-step sign-in" };

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  const s = await currentSession();
  if ("actor" in s) redirect(next === "/" ? ROLE_HOME[s.actor.role] : next);
  if (!("mfaPending" in s)) redirect(`/sign-in?${new URLSearchParams({ next })}`);
  const pending = s.mfaPending;
  let body;
  if (pending.enrolled) {
    body = <MfaCodeForm next={next} />;
  } else {
    const { secret, uri } = await beginEnrolment(pending);
    const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    body = (
      <MfaEnrolment
        qrDataUrl={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`}
        secret={secret}
        next={next}
      />
    );
  }
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Mend</p>
        <h1 className="mt-2 text-center text-xl font-semibold">
          {pending.enrolled ? "Enter your code" : "Set up two-step sign-in"}
        </h1>
        <p className="mt-1 text-center text-sm text-slate-700">Signing in as {pending.email}</p>
        <div className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{body}</div>
      </div>
    </main>
  );
}
