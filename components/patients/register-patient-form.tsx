"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { formatIsoDateOnly } from "@/lib/time/format";
import type { DuplicateCandidate } from "@/lib/patients/patient-errors";
import { ApiError } from "@/lib/http/api-client";
import { registerPatientSchema } from "@/lib/patients/schema";
import { patientsApi } from "./patients-api";
import { PrimaryTherapistSelect } from "./patient-details-card";

type Created = { id: string; firstName: string; lastName: string };
type RegisterValues = {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  primaryTherapistId: string;
};

/**
 * The same zod schema runs here (instant feedback) and on the server (the real
 * check). A likely duplicate comes back as a 409 with the candidates: the form
 * lists them with links, and "Register anyway" sends the same answers again
 * with confirmDuplicate.
 */
export function RegisterPatientForm({ therapists = [] }: { therapists?: { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const [duplicates, setDuplicates] = useState<{ candidates: DuplicateCandidate[]; message: string } | null>(null);
  const confirmDuplicate = useRef(false);
  const { onSubmit, pending, formError, hasFieldErrors, field } = useServerForm<RegisterValues, Created>({
    defaultValues: {
      firstName: "",
      lastName: "",
      preferredName: "",
      dateOfBirth: "",
      email: "",
      phone: "",
      primaryTherapistId: "",
    },
    schema: registerPatientSchema,
    submit: (values) => {
      const confirm = confirmDuplicate.current;
      confirmDuplicate.current = false;
      setCreated(null);
      setDuplicates(null);
      return settle(
        patientsApi
          .register({ body: { ...values, ...(confirm ? { confirmDuplicate: true } : {}) } })
          .then((r) => r.patient)
          .catch((e: unknown) => {
            const candidates =
              e instanceof ApiError ? (e.extra.duplicates as DuplicateCandidate[] | undefined) : undefined;
            if (e instanceof ApiError && candidates?.length) setDuplicates({ candidates, message: e.message });
            throw e;
          }),
      );
    },
    onSuccess: (patient) => {
      setCreated(patient);
      void queryClient.invalidateQueries({ queryKey: ["patients"] });
    },
    resetOnSuccess: true,
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {created && (
        <div className="sm:col-span-2">
          <Alert tone="success" role="status" title="Patient registered">
            <Link className="font-medium underline" href={`/clinic/patients/${created.id}`}>
              Open {created.firstName} {created.lastName}
            </Link>
          </Alert>
        </div>
      )}
      {duplicates && (
        <div className="sm:col-span-2" data-testid="duplicate-warning">
          <Alert tone="warning" role="alert" title="Already registered?">
            <p>{duplicates.message}</p>
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
                disabled={pending}
                onClick={() => {
                  confirmDuplicate.current = true;
                  void onSubmit();
                }}
              >
                Register anyway
              </Button>
            </div>
          </Alert>
        </div>
      )}
      {formError && !duplicates && !hasFieldErrors && (
        <div className="sm:col-span-2">
          <Alert tone="danger" role="alert">
            {formError}
          </Alert>
        </div>
      )}
      <TextField label="First name" autoComplete="off" {...field("firstName")} required />
      <TextField label="Last name" autoComplete="off" {...field("lastName")} required />
      <TextField label="Preferred name (optional)" autoComplete="off" {...field("preferredName")} />
      <TextField label="Date of birth" type="date" {...field("dateOfBirth")} required />
      <TextField label="Email (optional)" type="email" autoComplete="off" {...field("email")} />
      <TextField label="Mobile phone (optional)" type="tel" autoComplete="off" {...field("phone")} />
      {therapists.length > 0 && <PrimaryTherapistSelect therapists={therapists} {...field("primaryTherapistId")} />}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Registering…" : "Register patient"}
        </Button>
      </div>
    </form>
  );
}
