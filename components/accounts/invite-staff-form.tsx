"use client";

import { useState } from "react";
import { inviteStaffAction } from "@/app/(staff)/clinic/admin/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { inviteStaffSchema } from "@/lib/accounts/schema";

/** Replaces temporary passwords: the invitee chooses their own from the emailed link. */
export function InviteStaffForm() {
  const [sent, setSent] = useState<string | null>(null);
  const { onSubmit, pending, formError, field } = useServerForm({
    defaultValues: { name: "", email: "", role: "therapist" },
    schema: inviteStaffSchema,
    submit: (values) => {
      setSent(null);
      return inviteStaffAction(values);
    },
    onSuccess: (data) => setSent(`Invitation sent to ${data.email}. The link works for 72 hours.`),
    resetOnSuccess: true,
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {(sent || formError) && (
        <div className="sm:col-span-2">
          <Alert tone={sent ? "success" : "danger"} role={sent ? "status" : "alert"}>
            {sent ?? formError}
          </Alert>
        </div>
      )}
      <TextField label="Full name" autoComplete="off" required {...field("name")} />
      <TextField label="Email address" type="email" autoComplete="off" required {...field("email")} />
      <SelectField label="Role" {...field("role")}>
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
