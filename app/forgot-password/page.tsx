import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { PublicCard } from "@/components/accounts/public-card";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <PublicCard title="Forgot your password?" subtitle="We will email you a link to choose a new one.">
      <ForgotPasswordForm />
    </PublicCard>
  );
}
