"use client";

import { useState, useTransition, type FormEvent } from "react";
import { inviteStaffAction } from "@/app/(staff)/clinic/admin/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { inviteStaffSchema } from "@/lib/accounts/schema";

type FieldErrors = Record<string, string[]>;

/** Replaces temporary passwords: the invitee chooses their own from the emailed link. */
export function InviteStaffForm() {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = inviteStaffSchema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
      setFieldErrors(errors);
      setMessage(null);
      return;
    }
    startTransition(async () => {
      const result = await inviteStaffAction(values);
      if (result.ok) {
        setFieldErrors({});
        setMessage({
          tone: "success",
          text: `Invitation sent to ${result.data.email}. The link works for 72 hours.`,
        });
        setFormKey((k) => k + 1);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ tone: "danger", text: result.message });
      }
    });
  }

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
            {message.text}
          </Alert>
        </div>
      )}
      <TextField label="Full name" name="name" autoComplete="off" errors={fieldErrors.name} required />
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="off"
        errors={fieldErrors.email}
        required
      />
      <SelectField label="Role" name="role" defaultValue="therapist" errors={fieldErrors.role}>
        <option value="therapist">Therapist</option>
        <option value="front_desk">Front desk</option>
        <option value="admin">Clinic admin</option>
      </SelectField>
      <p className="self-end text-sm text-slate-700">
        They get an email with a link to choose their password (valid 72 hours), then set up two-step sign-in.
      </p>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
