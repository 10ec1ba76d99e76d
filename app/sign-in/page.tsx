import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { currentSession } from "@/lib/auth/current-actor";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, { tone: "info" | "warning"; text: string }> = {
  signed_out: { tone: "info", text: "You have signed out." },
  idle_timeout: {
    tone: "warning",
    text: "You were signed out after a while without activity, to keep patient information safe. Please sign in again.",
  },
  expired: { tone: "warning", text: "Your session reached its time limit. Please sign in again." },
  credentials_changed: { tone: "warning", text: "Your password was changed, so please sign in again." },
  user_disabled: { tone: "warning", text: "Your session has ended. Contact your clinic if you cannot sign in." },
  revoked: { tone: "warning", text: "Your session has ended. Please sign in again." },
  mfa_failed: { tone: "warning", text: "Too many wrong codes. Please sign in again." },
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  const s = await currentSession();
  if ("actor" in s) redirect(next === "/" ? ROLE_HOME[s.actor.role] : next);
  if ("mfaPending" in s) redirect(`/sign-in/verify?${new URLSearchParams({ next })}`);
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Mend</p>
        <h1 className="mt-2 text-center text-xl font-semibold">Sign in to your clinic</h1>
        <div className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {reason && (
            <div className="mb-4">
              <Alert tone={reason.tone} role="status">
                {reason.text}
              </Alert>
            </div>
          )}
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-center">
          <a href="/forgot-password" className="font-semibold text-brand-800 underline">
            Forgot your password?
          </a>
        </p>
        <p className="mt-2 text-center text-sm text-slate-700">Patients: use the email your clinic has on file.</p>
      </div>
    </main>
  );
}
