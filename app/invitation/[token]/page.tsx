import type { Metadata } from "next";
import { LinkProblemPage } from "@/components/accounts/link-problem";
import { PublicCard } from "@/components/accounts/public-card";
import { SetPasswordForm } from "@/components/accounts/set-password-form";
import { describeAccountLink } from "@/lib/accounts/describe-account-link";

export const metadata: Metadata = { title: "Set up your account", robots: { index: false, follow: false } };

/** Opened from a staff or patient-portal invitation: choosing a password creates the account. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeAccountLink(token, ["staff_invitation", "portal_invitation"]);
  if (!link.ok) return <LinkProblemPage purpose={link.purpose} problem={link.problem} clinicName={link.clinicName} />;
  const staff = link.purpose === "staff_invitation";
  return (
    <PublicCard
      title={staff ? `Join ${link.clinicName}` : `Your ${link.clinicName} patient portal`}
      subtitle={
        staff
          ? `${link.name ?? link.email}, you are invited as ${link.roleLabel ?? "staff"}.`
          : `Hello ${link.name ?? ""}. Choose a password to see your exercises, appointments and forms.`
      }
    >
      <p className="mb-4 text-slate-700">
        Your account: <span className="font-semibold">{link.email}</span>
      </p>
      <SetPasswordForm
        token={token}
        endpoint="acceptInvitation"
        email={link.email}
        submitLabel="Create my account"
        doneTitle="Your account is ready"
        doneText={
          staff
            ? "Sign in with your email address and new password. The first time, you will set up two-step sign-in with an authenticator app."
            : "Sign in with your email address and new password."
        }
      />
    </PublicCard>
  );
}
