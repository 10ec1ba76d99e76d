import type { Metadata } from "next";
import { LinkProblemPage } from "@/components/accounts/link-problem";
import { PublicCard } from "@/components/accounts/public-card";
import { SetPasswordForm } from "@/components/accounts/set-password-form";
import { describeAccountLink } from "@/lib/accounts/describe-account-link";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false } };

/** Opened from the reset email. Viewing spends nothing; setting the password uses the link up. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeAccountLink(token, ["password_reset"]);
  if (!link.ok) return <LinkProblemPage purpose={link.purpose} problem={link.problem} clinicName={link.clinicName} />;
  return (
    <PublicCard title="Choose a new password" subtitle={`For ${link.email}`}>
      <SetPasswordForm
        token={token}
        endpoint="completeReset"
        email={link.email}
        submitLabel="Set new password"
        doneTitle="Your password was changed"
        doneText="Every device that was signed in has been signed out. Sign in with your new password (staff: then the code from your authenticator app)."
      />
    </PublicCard>
  );
}
