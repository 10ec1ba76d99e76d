"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useAccountPost } from "./api-form";

export function ForgotPasswordForm() {
  const request = useAccountPost("requestReset");
  const [sent, setSent] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    // The server checks the address (field errors back): no zod in this page's JavaScript.
    const result = await request.post({ email });
    if (result.ok) setSent(result.data.message);
  }

  if (sent)
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" role="status" title="Check your email">
          {sent}
        </Alert>
        <a href="/sign-in" className="font-semibold text-brand-800 underline">
          Back to sign in
        </a>
      </div>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {request.message && !Object.keys(request.errors).length && (
        <Alert tone="danger" role="alert">
          {request.message}
        </Alert>
      )}
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="username"
        hint="The address you sign in with. We will email you a link to choose a new password."
        errors={request.errors.email}
        required
      />
      <Button type="submit" disabled={request.pending}>
        {request.pending ? "Sending…" : "Send reset link"}
      </Button>
      <a href="/sign-in" className="text-center font-semibold text-brand-800 underline">
        Back to sign in
      </a>
    </form>
  );
}
