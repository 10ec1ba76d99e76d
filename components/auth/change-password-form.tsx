"use client";

import { useState, useTransition, type FormEvent } from "react";
import { changePasswordAction } from "@/app/account/password/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function ChangePasswordForm() {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await changePasswordAction(values);
      if (result.ok) {
        setFieldErrors({});
        setMessage({ tone: "success", text: "Password changed. Your other devices are signed out." });
        setFormKey((k) => k + 1);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ tone: "danger", text: result.message });
      }
    });
  }

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {message && (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      )}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={fieldErrors.currentPassword}
        required
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A few unrelated words work well."
        errors={fieldErrors.newPassword}
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
