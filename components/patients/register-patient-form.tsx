"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { registerPatientSchema } from "@/lib/patients/schema";

type FieldErrors = Record<string, string[]>;
type Created = { id: string; firstName: string; lastName: string };

class ApiError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
  }
}

async function postPatient(body: unknown): Promise<Created> {
  const res = await fetch("/api/patients", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(json?.error?.message ?? "Could not register the patient.", json?.error?.fieldErrors);
  return json.patient as Created;
}

/** The same zod schema runs here (instant feedback) and on the server (the real check). */
export function RegisterPatientForm() {
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formKey, setFormKey] = useState(0);
  const mutation = useMutation({
    mutationFn: postPatient,
    onSuccess: () => {
      setFieldErrors({});
      setFormKey((k) => k + 1);
      void queryClient.invalidateQueries({ queryKey: ["patients"] });
    },
    onError: (e) => setFieldErrors(e instanceof ApiError ? (e.fieldErrors ?? {}) : {}),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = registerPatientSchema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
      setFieldErrors(errors);
      return;
    }
    mutation.mutate(values);
  }

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {mutation.isSuccess && (
        <div className="sm:col-span-2">
          <Alert tone="success" role="status" title="Patient registered">
            <Link className="font-medium underline" href={`/clinic/patients/${mutation.data.id}`}>
              Open {mutation.data.firstName} {mutation.data.lastName}
            </Link>
          </Alert>
        </div>
      )}
      {mutation.isError && !Object.keys(fieldErrors).length && (
        <div className="sm:col-span-2">
          <Alert tone="danger" role="alert">
            {mutation.error.message}
          </Alert>
        </div>
      )}
      <TextField label="First name" name="firstName" autoComplete="off" errors={fieldErrors.firstName} required />
      <TextField label="Last name" name="lastName" autoComplete="off" errors={fieldErrors.lastName} required />
      <TextField
        label="Preferred name (optional)"
        name="preferredName"
        autoComplete="off"
        errors={fieldErrors.preferredName}
      />
      <TextField label="Date of birth" name="dateOfBirth" type="date" errors={fieldErrors.dateOfBirth} required />
      <TextField label="Email (optional)" name="email" type="email" autoComplete="off" errors={fieldErrors.email} />
      <TextField
        label="Mobile phone (optional)"
        name="phone"
        type="tel"
        autoComplete="off"
        errors={fieldErrors.phone}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Registering…" : "Register patient"}
        </Button>
      </div>
    </form>
  );
}
