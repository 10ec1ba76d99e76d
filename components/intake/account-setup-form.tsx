"use client";

import { useState, type FormEvent } from "react";
import { useJsonPost } from "@/components/accounts/api-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { newPasswordProblem } from "@/lib/auth/password-rules";

/** Right after submitting: choose a password to reach the portal later, as the same patient. */
export function AccountSetupForm({ setupToken, defaultEmail }: { setupToken: string; defaultEmail: string }) {
  const create = useJsonPost<{ account: { email: string } }>("/api/intake/account");
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    // The password rule without zod (this form is on the public intake page); the server checks the email.
    const problem = newPasswordProblem(password);
    if (problem) {
      create.setErrors({ password: [problem] });
      create.setMessage(null);
      return;
    }
    const result = await create.post({ setupToken, email, password });
    if (result.ok) setCreated(result.data.account.email);
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
        {create.message && !Object.keys(create.errors).length && (
          <Alert tone="danger" role="alert">
            {create.message}
          </Alert>
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={defaultEmail}
          errors={create.errors.email}
        />
        <TextField
          label="Choose a password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few unrelated words work well."
          errors={create.errors.password}
        />
        <Button type="submit" disabled={create.pending}>
          {create.pending ? "Creating…" : "Create my account"}
        </Button>
      </form>
    </section>
  );
}
