import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Change password" };

export default async function PasswordPage() {
  await requirePageActor("/account/password");
  return (
    <>
      <PageHeader title="Change password" />
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
