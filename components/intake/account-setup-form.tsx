"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { newPasswordProblem } from "@/lib/auth/password-rules";
import type { FieldErrors } from "@/lib/errors";
import { ApiError } from "@/lib/http/api-client";
import { intakeApi } from "./intake-api";

/** Right after submitting: choose a password to reach the portal later, as the same patient. */
export function AccountSetupForm({ setupToken, defaultEmail }: { setupToken: string; defaultEmail: string }) {
  // Local state, not the query library: the intake page loads without it (docs/decisions/072).
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    // The password rule without zod (this form is on the public intake page); the server checks the email.
    const problem = newPasswordProblem(password);
    setMessage(null);
    if (problem) {
      setErrors({ password: [problem] });
      return;
    }
    setPending(true);
    try {
      const { account } = await intakeApi.createAccount({ body: { setupToken, email, password } });
      setCreated(account.email);
    } catch (e) {
      // The server's field errors go beside the fields, like the one checked here.
      setErrors(e instanceof ApiError ? e.fieldErrors : {});
      setMessage(e instanceof Error ? e.message : "We could not create your account.");
    } finally {
      setPending(false);
    }
  }

  if (created) {
    return (
      <Alert tone="success" role="status" title="Your account is ready">
        Sign in with {created} to see your care plan and appointments.{" "}
        <a href="/sign-in" className="font-semibold underline">
          Sign in
        </a>
      </Alert>
    );
  }
  return (
    <section aria-labelledby="account-heading" className="rounded-xl border border-slate-300 bg-white p-4 sm:p-6">
      <h3 id="account-heading" className="text-lg font-semibold">
        Set up your patient portal (optional)
      </h3>
      <p className="mt-1 text-slate-700">
        Choose a password to see your exercises, appointments and answers later. This link stops working in an hour.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex max-w-md flex-col gap-4">
        {message && !Object.keys(errors).length && (
          <Alert tone="danger" role="alert">
            {message}
          </Alert>
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={defaultEmail}
          errors={errors.email}
        />
        <TextField
          label="Choose a password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few unrelated words work well."
          errors={errors.password}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create my account"}
        </Button>
      </form>
    </section>
  );
}
