"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { newPasswordProblem } from "@/lib/auth/password-rules";
import { useAccountPost, type AccountEndpoint } from "./api-form";

/**
 * Choosing a password from an emailed link: accepting an invitation, or a
 * reset. Success never signs anyone in; it points to the sign-in page.
 */
export function SetPasswordForm({
  token,
  endpoint,
  email,
  submitLabel,
  doneTitle,
  doneText,
}: {
  token: string;
  endpoint: Extract<AccountEndpoint, "acceptInvitation" | "completeReset">;
  email: string;
  submitLabel: string;
  doneTitle: string;
  doneText: string;
}) {
  const request = useAccountPost(endpoint);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const repeat = String(form.get("repeat") ?? "");
    // The rule without zod: this is the first page a patient opens from an email, often on a phone.
    const problem = newPasswordProblem(password);
    const errors: Record<string, string[]> = {};
    if (problem) errors.password = [problem];
    else if (password !== repeat) errors.repeat = ["The two passwords are not the same."];
    if (Object.keys(errors).length) {
      request.setErrors(errors);
      request.setMessage(null);
      return;
    }
    const result = await request.post({ token, password });
    if (result.ok) setDone(true);
  }

  if (done)
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" role="status" title={doneTitle}>
          {doneText}
        </Alert>
        <a href="/sign-in" className="text-center font-semibold text-brand-800 underline">
          Go to sign in
        </a>
      </div>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {request.message && !request.errors.password && (
        <Alert tone="danger" role="alert">
          {request.message}
        </Alert>
      )}
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A few unrelated words work well."
        errors={request.errors.password}
        required
      />
      <TextField
        label="Confirm password"
        name="repeat"
        type="password"
        autoComplete="new-password"
        errors={request.errors.repeat}
        required
      />
      <Button type="submit" disabled={request.pending}>
        {request.pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
