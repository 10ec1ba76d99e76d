"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { verifyCodeAction } from "@/app/sign-in/verify/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function MfaCodeForm({ next }: { next: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    startTransition(async () => {
      const result = await verifyCodeAction({ code });
      if (result.ok) {
        router.replace(next);
        router.refresh();
      } else if (result.message.includes("sign in again")) {
        router.replace(`/sign-in?reason=mfa_failed`);
      } else {
        setError(result.message);
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Authentication code"
        name="code"
        inputMode="text"
        autoComplete="one-time-code"
        autoFocus
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        errors={error ? [error] : undefined}
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Continue"}
      </Button>
    </form>
  );
}
