"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  changeEmailAction,
  changePasswordAction,
  confirmIdentityAction,
  regenerateRecoveryCodesAction,
} from "@/app/account/security/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { RecoveryCodeList } from "./recovery-code-list";

export function ConfirmIdentityForm({ needsCode }: { needsCode: boolean }) {
  const router = useRouter();
  const form = useActionForm(confirmIdentityAction, () => router.refresh());
  return (
    <form key={form.formKey} onSubmit={form.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <FormError error={form.error} />
      <TextField
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        errors={form.fieldErrors.password}
        required
      />
      {needsCode && (
        <TextField
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          hint="From your authenticator app, or a recovery code."
          errors={form.fieldErrors.code}
          required
        />
      )}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Checking…" : "Confirm it's me"}
      </Button>
    </form>
  );
}

export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const form = useActionForm(changePasswordAction, () => setDone(true));
  return (
    <form key={form.formKey} onSubmit={form.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {done && <Saved>Password changed. Your other devices are signed out.</Saved>}
      <FormError error={form.error} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A few unrelated words work well."
        errors={form.fieldErrors.newPassword}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}

export function ChangeEmailForm({ current }: { current: string }) {
  const [done, setDone] = useState(false);
  const form = useActionForm(changeEmailAction, () => setDone(true));
  return (
    <form key={form.formKey} onSubmit={form.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {done && <Saved>Sign-in email changed. Your other devices are signed out.</Saved>}
      <FormError error={form.error} />
      <p className="text-slate-700">
        You sign in as <span className="font-medium text-slate-900">{current}</span>.
      </p>
      <TextField
        label="New sign-in email"
        name="newEmail"
        type="email"
        autoComplete="email"
        errors={form.fieldErrors.newEmail}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Change email"}
      </Button>
    </form>
  );
}

export function RecoveryCodesPanel({ unused }: { unused: number }) {
  const [pending, startTransition] = useTransition();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <p>
        {unused} unused recovery code{unused === 1 ? "" : "s"} left. New codes replace all old ones.
      </p>
      <FormError error={error} />
      {codes && (
        <>
          <Saved>Save these codes now; they will not be shown again.</Saved>
          <RecoveryCodeList codes={codes} />
        </>
      )}
      <div>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await regenerateRecoveryCodesAction();
              if (result.ok) setCodes(result.data);
              else setError(result.message);
            })
          }
        >
          {pending ? "Making codes…" : "Get new recovery codes"}
        </Button>
      </div>
    </div>
  );
}

function FormError({ error }: { error: string | null | undefined }) {
  return error ? (
    <Alert tone="danger" role="alert">
      {error}
    </Alert>
  ) : null;
}

function Saved({ children }: { children: React.ReactNode }) {
  return (
    <Alert tone="success" role="status">
      {children}
    </Alert>
  );
}
