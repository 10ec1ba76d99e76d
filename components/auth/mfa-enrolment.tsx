"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { completeEnrolmentAction } from "@/app/sign-in/verify/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { RecoveryCodeList } from "./recovery-code-list";

/** First staff sign-in: scan, confirm with a code, save the recovery codes. */
export function MfaEnrolment({ qrDataUrl, secret, next }: { qrDataUrl: string; secret: string; next: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    startTransition(async () => {
      const result = await completeEnrolmentAction({ code });
      if (result.ok) setCodes(result.data.recoveryCodes);
      else if (result.message.includes("sign in again")) router.replace("/sign-in?reason=mfa_failed");
      else setError(result.message);
    });
  }

  if (codes) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" role="status" title="Two-step sign-in is on">
          Save these recovery codes somewhere safe (print them or keep them in a password manager). Each works once if
          you lose your phone. They will not be shown again.
        </Alert>
        <RecoveryCodeList codes={codes} />
        <Button
          onClick={() => {
            router.replace(next);
            router.refresh();
          }}
        >
          I have saved my recovery codes
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p>
        Staff accounts use two-step sign-in. Set it up once with an authenticator app (Google Authenticator, Microsoft
        Authenticator, 1Password, …):
      </p>
      <ol className="list-decimal space-y-3 pl-5">
        <li>
          Scan this code with the app:
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
          <img
            src={qrDataUrl}
            alt="QR code to add Mend to your authenticator app"
            width={192}
            height={192}
            className="mt-2 rounded border border-slate-200 bg-white p-2"
          />
          <p className="mt-2 text-sm text-slate-700">
            Can&rsquo;t scan? Enter this key instead:{" "}
            <code className="break-all font-mono text-base text-slate-900" data-testid="totp-secret">
              {secret.match(/.{1,4}/g)?.join(" ")}
            </code>
          </p>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <TextField
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          errors={error ? [error] : undefined}
          required
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Turn on two-step sign-in"}
        </Button>
      </form>
    </div>
  );
}
