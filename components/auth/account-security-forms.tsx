"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import {
  changeEmailAction,
  changePasswordAction,
  confirmIdentityAction,
  regenerateRecoveryCodesAction,
} from "@/app/account/security/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { ActionResult } from "@/lib/http/action-result";
import { RecoveryCodeList } from "./recovery-code-list";

export function ConfirmIdentityForm({ needsCode }: { needsCode: boolean }) {
  const router = useRouter();
  const { onSubmit, pending, formError, hasFieldErrors, field } = useServerForm({
    defaultValues: { password: "", code: "" },
    // Without two-step sign-in there is no code field, so none is sent.
    submit: (values) => confirmIdentityAction(needsCode ? values : { password: values.password }),
    onSuccess: () => router.refresh(),
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <FormError error={hasFieldErrors ? null : formError} />
      <TextField
        label="Your password"
        type="password"
        autoComplete="current-password"
        required
        {...field("password")}
      />
      {needsCode && (
        <TextField
          label="Authentication code"
          autoComplete="one-time-code"
          hint="From your authenticator app, or a recovery code."
          required
          {...field("code")}
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Confirm it's me"}
      </Button>
    </form>
  );
}

/** One field, one server action, a confirmation once it is saved: changing the password or the sign-in email. */
function SingleFieldForm({
  action,
  field,
  done,
  submitLabel,
  children,
}: {
  action: (input: unknown) => Promise<ActionResult>;
  field: "newPassword" | "newEmail";
  done: string;
  submitLabel: string;
  children: (props: ReturnType<UseFormRegister<Record<string, string>>> & { errors?: string[] }) => ReactNode;
}) {
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, pending, formError, hasFieldErrors, errorsOf } = useServerForm<Record<string, string>>({
    defaultValues: { [field]: "" },
    submit: (values) => {
      setSaved(false);
      return action(values);
    },
    onSuccess: () => setSaved(true),
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {saved && <Saved>{done}</Saved>}
      <FormError error={hasFieldErrors ? null : formError} />
      {children({ ...form.register(field), errors: errorsOf(field) })}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}

export function ChangePasswordForm() {
  return (
    <SingleFieldForm
      action={changePasswordAction}
      field="newPassword"
      done="Password changed. Your other devices are signed out."
      submitLabel="Change password"
    >
      {(field) => (
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few unrelated words work well."
          required
          {...field}
        />
      )}
    </SingleFieldForm>
  );
}

export function ChangeEmailForm({ current }: { current: string }) {
  return (
    <SingleFieldForm
      action={changeEmailAction}
      field="newEmail"
      done="Sign-in email changed. Your other devices are signed out."
      submitLabel="Change email"
    >
      {(field) => (
        <>
          <p className="text-slate-700">
            You sign in as <span className="font-medium text-slate-900">{current}</span>.
          </p>
          <TextField label="New sign-in email" type="email" autoComplete="email" required {...field} />
        </>
      )}
    </SingleFieldForm>
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
