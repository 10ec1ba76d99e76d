import type { Metadata } from "next";
import {
  ChangeEmailForm,
  ChangePasswordForm,
  ConfirmIdentityForm,
  RecoveryCodesPanel,
} from "@/components/auth/account-security-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { hasRecentReauth, mfaStatus } from "@/lib/auth/mfa";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/time/format";
import { getOwnClinic } from "@/lib/clinics/get-clinic";

export const metadata: Metadata = { title: "Account security" };

export default async function AccountSecurityPage() {
  const actor = await requirePageActor("/account/security");
  const [recent, mfa, user, clinic] = await Promise.all([
    hasRecentReauth(actor),
    mfaStatus(actor.userId),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } }),
    getOwnClinic(actor),
  ]);
  return (
    <>
      <PageHeader title="Account security" subtitle="Your sign-in email, password and two-step sign-in." />
      <div className="flex flex-col gap-4">
        {mfa.enabledAt && (
          <Card title="Two-step sign-in">
            <p>
              On since {formatDateTime(mfa.enabledAt, clinic.timeZone)}. Each sign-in asks for a code from your
              authenticator app.
            </p>
          </Card>
        )}
        {!recent ? (
          <Card title="Confirm it's you">
            <p className="mb-4 text-slate-700">
              To change your email, password or recovery codes, enter your password{mfa.enabledAt ? " and a code" : ""}{" "}
              again.
            </p>
            <ConfirmIdentityForm needsCode={Boolean(mfa.enabledAt)} />
          </Card>
        ) : (
          <>
            <Card title="Password">
              <ChangePasswordForm />
            </Card>
            <Card title="Sign-in email">
              <ChangeEmailForm current={user.email} />
            </Card>
            {mfa.enabledAt && (
              <Card title="Recovery codes">
                <RecoveryCodesPanel unused={mfa.unusedRecoveryCodes} />
              </Card>
            )}
          </>
        )}
      </div>
    </>
  );
}
