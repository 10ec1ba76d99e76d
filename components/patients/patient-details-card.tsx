"use client";

import { useRouter } from "next/navigation";
import { useState, type SelectHTMLAttributes } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import type { EditableField, PatientDetails } from "@/lib/patients/patient-details";
import { ApiError } from "@/lib/http/api-client";
import { SEX_LABEL, SEX_OPTIONS, updatePatientSchema, type UpdatePatientInput } from "@/lib/patients/schema";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { patientsApi } from "./patients-api";
type Therapist = { id: string; name: string };

const FIELD_LABEL: Record<EditableField, string> = {
  firstName: "First name",
  lastName: "Last name",
  preferredName: "Preferred name",
  dateOfBirth: "Date of birth",
  sex: "Sex",
  email: "Email",
  phone: "Mobile phone",
  addressLine: "Street address",
  city: "City",
  postalCode: "Postal code",
  emergencyContactName: "Emergency contact name",
  emergencyContactPhone: "Emergency contact phone",
  emergencyContactRelationship: "Relationship to patient",
  primaryTherapistId: "Primary therapist",
};

function show(value: string | null | undefined) {
  return value ? value : "—";
}

/**
 * The patient's details, and for staff who may correct them an edit form.
 * The form remembers the version it was loaded with; if someone else saved in
 * between, the server refuses (409) and the form reloads with what is saved
 * now, naming the fields that person changed.
 */
export function PatientDetailsCard({
  patient,
  therapists,
  canEdit,
  dateOfBirthText,
  phoneText = {},
}: {
  patient: PatientDetails;
  therapists: Therapist[];
  canEdit: boolean;
  dateOfBirthText: string;
  /** Stored E.164 numbers as people in the clinic's country write them, formatted by the page. */
  phoneText?: Record<string, string>;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [base, setBase] = useState(patient);
  const [problem, setProblem] = useState<{ message: string; changedByOthers: EditableField[] } | null>(null);
  const [saved, setSaved] = useState<EditableField[] | null>(null);
  // The server's newer props win over a base kept from an earlier conflict.
  if (patient.version > base.version) setBase(patient);

  const therapistName = (id: string | null) =>
    id ? (therapists.find((t) => t.id === id)?.name ?? patient.primaryTherapist?.name ?? "—") : "No one yet";
  const address = [patient.addressLine, [patient.city, patient.postalCode].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  const emergency = patient.emergencyContactName
    ? [
        patient.emergencyContactName,
        patient.emergencyContactRelationship && `(${patient.emergencyContactRelationship})`,
        patient.emergencyContactPhone && (phoneText[patient.emergencyContactPhone] ?? patient.emergencyContactPhone),
      ]
        .filter(Boolean)
        .join(" ")
    : null;

  const onConflict = (message: string, current: PatientDetails) => {
    const changedByOthers = (Object.keys(FIELD_LABEL) as EditableField[]).filter(
      (f) => (current[f] ?? null) !== (base[f] ?? null),
    );
    setBase(current);
    router.refresh();
    setProblem({ message, changedByOthers });
  };

  return (
    <Card
      title="Demographics and contact"
      actions={
        canEdit && !editing ? (
          <Button
            variant="secondary"
            onClick={() => {
              setEditing(true);
              setSaved(null);
              setProblem(null);
            }}
          >
            Edit details
          </Button>
        ) : undefined
      }
    >
      {saved && (
        <div className="mb-4">
          <Alert tone="success" role="status" title="Details saved">
            {saved.length
              ? `Changed: ${saved.map((f) => FIELD_LABEL[f].toLowerCase()).join(", ")}.`
              : "Nothing had changed."}
          </Alert>
        </div>
      )}
      {problem && (
        <div className="mb-4">
          <Alert tone="danger" role="alert" title="Not saved">
            <p>{problem.message}</p>
            {problem.changedByOthers.length > 0 && (
              <p className="mt-1">
                Changed by someone else: {problem.changedByOthers.map((f) => FIELD_LABEL[f].toLowerCase()).join(", ")}.
              </p>
            )}
          </Alert>
        </div>
      )}
      {editing ? (
        <DetailsForm
          // A conflict loads the saved details as the new base: the form starts again from them.
          key={base.version}
          base={base}
          therapists={therapists}
          onStart={() => {
            setSaved(null);
            setProblem(null);
          }}
          onSaved={(changed) => {
            setEditing(false);
            setSaved(changed);
            router.refresh();
          }}
          onConflict={onConflict}
          onProblem={(message) => setProblem({ message, changedByOthers: [] })}
          onCancel={() => {
            setEditing(false);
            setProblem(null);
          }}
        />
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2" data-testid="patient-details">
          <dt className="text-slate-600">Date of birth</dt>
          <dd>{dateOfBirthText}</dd>
          <dt className="text-slate-600">Sex</dt>
          <dd>{patient.sex ? SEX_LABEL[patient.sex as keyof typeof SEX_LABEL] : "—"}</dd>
          <dt className="text-slate-600">Email</dt>
          <dd>{show(patient.email)}</dd>
          <dt className="text-slate-600">Phone</dt>
          <dd>{show(patient.phone && (phoneText[patient.phone] ?? patient.phone))}</dd>
          <dt className="text-slate-600">Address</dt>
          <dd>{show(address)}</dd>
          <dt className="text-slate-600">Emergency contact</dt>
          <dd>{show(emergency)}</dd>
          <dt className="text-slate-600">Primary therapist</dt>
          <dd>
            {therapistName(patient.primaryTherapistId)}
            {patient.primaryTherapist && !patient.primaryTherapist.active ? " (no longer active)" : ""}
          </dd>
          <dt className="text-slate-600">Portal account</dt>
          <dd>{patient.userId ? "Yes" : "Not yet"}</dd>
        </dl>
      )}
    </Card>
  );
}

type DetailsValues = Omit<Record<EditableField, string>, "sex"> & { sex: NonNullable<UpdatePatientInput["sex"]> };

function DetailsForm({
  base,
  therapists,
  onStart,
  onSaved,
  onConflict,
  onProblem,
  onCancel,
}: {
  base: PatientDetails;
  therapists: Therapist[];
  onStart: () => void;
  onSaved: (changed: EditableField[]) => void;
  onConflict: (message: string, current: PatientDetails) => void;
  onProblem: (message: string) => void;
  onCancel: () => void;
}) {
  const defaultValues = Object.fromEntries(
    (Object.keys(FIELD_LABEL) as EditableField[]).map((f) => [f, base[f] ?? ""]),
  ) as DetailsValues;
  const { form, onSubmit, pending, errorsOf, field } = useServerForm<DetailsValues, { changed: string[] }>({
    defaultValues,
    schema: updatePatientSchema.omit({ expectedVersion: true }),
    submit: (values) => {
      onStart();
      return settle(
        patientsApi
          .update({ params: { patientId: base.id }, body: { ...values, expectedVersion: base.version } })
          .catch((e: unknown) => {
            // A refusal is told above the form, with what someone else changed for a conflict;
            // field errors still go beside the fields.
            if (e instanceof ApiError && e.extra.current) onConflict(e.message, e.extra.current as PatientDetails);
            else if (e instanceof ApiError) onProblem(e.message);
            throw e;
          }),
      );
    },
    onSuccess: (data) => onSaved(data.changed as EditableField[]),
  });

  // Labels come from FIELD_LABEL, so the form and the "Changed: …" message name a field alike.
  const textField = (
    name: Exclude<EditableField, "sex" | "primaryTherapistId">,
    { type = "text", required = false }: { type?: "text" | "date" | "email" | "tel"; required?: boolean } = {},
  ) => (
    <TextField
      label={required ? FIELD_LABEL[name] : `${FIELD_LABEL[name]} (optional)`}
      type={type}
      autoComplete="off"
      errors={errorsOf(name)}
      required={required}
      {...form.register(name)}
    />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Edit patient details">
      {textField("firstName", { required: true })}
      {textField("lastName", { required: true })}
      {textField("preferredName")}
      {textField("dateOfBirth", { type: "date", required: true })}
      <SelectField label="Sex (optional)" {...field("sex")}>
        <option value="">Not recorded</option>
        {SEX_OPTIONS.map((s) => (
          <option key={s} value={s}>
            {SEX_LABEL[s]}
          </option>
        ))}
      </SelectField>
      {textField("email", { type: "email" })}
      {textField("phone", { type: "tel" })}
      {textField("addressLine")}
      {textField("city")}
      {textField("postalCode")}
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
        <legend className="mb-2 font-semibold text-slate-900">Emergency contact</legend>
        {textField("emergencyContactName")}
        {textField("emergencyContactPhone", { type: "tel" })}
        {textField("emergencyContactRelationship")}
      </fieldset>
      <PrimaryTherapistSelect
        therapists={therapists}
        current={base.primaryTherapist}
        {...field("primaryTherapistId")}
      />
      <div className="flex flex-wrap gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The clinic's active therapists; a former primary therapist stays listed so saving other fields keeps them. */
export function PrimaryTherapistSelect({
  therapists,
  current,
  ...select
}: {
  therapists: Therapist[];
  current?: { id: string; name: string; active: boolean } | null;
  errors?: string[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "children">) {
  const listed = current && !therapists.some((t) => t.id === current.id);
  return (
    <SelectField label="Primary therapist (optional)" {...select}>
      <option value="">No one yet</option>
      {listed && (
        <option value={current.id} disabled>
          {current.name} (no longer active)
        </option>
      )}
      {therapists.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </SelectField>
  );
}
