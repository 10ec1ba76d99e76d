"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schema";
import type { FieldErrors } from "@/lib/errors";
import { ApiError } from "@/lib/http/api-client";
import { intakeApi } from "./intake-api";

/** Right after submitting: choose a password to reach the portal later, as the same patient. */
export function AccountSetupForm({ setupToken, defaultEmail }: { setupToken: string; defaultEmail: string }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      intakeApi.createAccount({ body: { setupToken, ...input } }).then((r) => r.account),
    // The server's field errors go beside the fields, like the ones checked here.
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors : {}),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const found: FieldErrors = {};
    const e = emailSchema.safeParse(email);
    if (!e.success) found.email = e.error.issues.map((i) => i.message);
    const p = newPasswordSchema.safeParse(password);
    if (!p.success) found.password = p.error.issues.map((i) => i.message);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate({ email, password });
  }

  if (create.isSuccess) {
    return (
      <Alert tone="success" role="status" title="Your account is ready">
        Sign in with {create.data.email} to see your care plan and appointments.{" "}
        <Link href="/sign-in" className="font-semibold underline">
          Sign in
        </Link>
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
        {create.isError && !Object.keys(errors).length && (
          <Alert tone="danger" role="alert">
            {create.error.message}
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
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create my account"}
        </Button>
      </form>
    </section>
  );
}
