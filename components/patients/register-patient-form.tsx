"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatIsoDateOnly } from "@/lib/time/format";
import type { DuplicateCandidate } from "@/lib/patients/patient-errors";
import { registerPatientSchema } from "@/lib/patients/schema";
import { PrimaryTherapistSelect } from "./patient-details-card";

type FieldErrors = Record<string, string[]>;
type Created = { id: string; firstName: string; lastName: string };

class ApiError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly duplicates?: DuplicateCandidate[],
  ) {
    super(message);
  }
}

async function postPatient(body: Record<string, unknown>): Promise<Created> {
  const res = await fetch("/api/patients", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiError(
      json?.error?.message ?? "Could not register the patient.",
      json?.error?.fieldErrors,
      json?.error?.duplicates,
    );
  return json.patient as Created;
}

/**
 * The same zod schema runs here (instant feedback) and on the server (the real
 * check). A likely duplicate comes back as a 409 with the candidates: the form
 * lists them with links, and "Register anyway" sends the same answers again
 * with confirmDuplicate.
 */
export function RegisterPatientForm({ therapists = [] }: { therapists?: { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formKey, setFormKey] = useState(0);
  const [duplicates, setDuplicates] = useState<{
    candidates: DuplicateCandidate[];
    values: Record<string, unknown>;
  } | null>(null);
  const mutation = useMutation({
    mutationFn: postPatient,
    onSuccess: () => {
      setFieldErrors({});
      setDuplicates(null);
      setFormKey((k) => k + 1);
      void queryClient.invalidateQueries({ queryKey: ["patients"] });
    },
    onError: (e, values) => {
      setFieldErrors(e instanceof ApiError ? (e.fieldErrors ?? {}) : {});
      setDuplicates(e instanceof ApiError && e.duplicates?.length ? { candidates: e.duplicates, values } : null);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDuplicates(null);
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
      {duplicates && (
        <div className="sm:col-span-2" data-testid="duplicate-warning">
          <Alert tone="warning" role="alert" title="Already registered?">
            <p>{mutation.error?.message}</p>
            <ul className="mt-2 list-disc pl-5">
              {duplicates.candidates.map((c) => (
                <li key={c.id}>
                  <Link className="font-medium underline" href={`/clinic/patients/${c.id}`}>
                    {c.firstName} {c.lastName}
                  </Link>
                  , born {formatIsoDateOnly(c.dateOfBirth)}
                </li>
              ))}
            </ul>
            <div className="mt-3">
              <Button
                variant="secondary"
                disabled={mutation.isPending}
                onClick={() => mutation.mutate({ ...duplicates.values, confirmDuplicate: true })}
              >
                Register anyway
              </Button>
            </div>
          </Alert>
        </div>
      )}
      {mutation.isError && !duplicates && !Object.keys(fieldErrors).length && (
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
      {therapists.length > 0 && (
        <PrimaryTherapistSelect therapists={therapists} defaultValue="" errors={fieldErrors.primaryTherapistId} />
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Registering…" : "Register patient"}
        </Button>
      </div>
    </form>
  );
}
