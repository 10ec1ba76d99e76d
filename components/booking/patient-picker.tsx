"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { patientsApi, type PatientSummary } from "@/components/patients/patients-api";

export type PickedPatient = Pick<PatientSummary, "id" | "firstName" | "lastName" | "dateOfBirth" | "phone">;

/** Search the clinic's patients by name, phone or date of birth and pick one (a listbox of radio buttons). */
export function PatientPicker({
  value,
  onChange,
  error,
}: {
  value: PickedPatient | null;
  onChange: (p: PickedPatient | null) => void;
  error?: string;
}) {
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q.trim());
  const id = useId();
  const { data, isFetching } = useQuery({
    queryKey: ["patients", deferred],
    // POST, not ?q=: a patient's name must not end up in a URL (docs/decisions/046).
    queryFn: () => patientsApi.search({ body: { q: deferred, take: 8 } }).then((r) => r.patients),
    enabled: deferred.length >= 2,
  });
  if (value)
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 p-3">
        <div>
          <p className="font-medium">
            {value.lastName}, {value.firstName}
          </p>
          <p className="text-sm text-slate-700">
            Born {value.dateOfBirth.slice(0, 10)}
            {value.phone ? ` · ${value.phone}` : ""}
          </p>
        </div>
        <button
          type="button"
          className="min-h-11 font-semibold text-brand-800 underline"
          onClick={() => onChange(null)}
        >
          Change patient
        </button>
      </div>
    );
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="font-medium">
        Patient
      </label>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Name, phone or date of birth (YYYY-MM-DD)"
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        className="min-h-11 w-full rounded-lg border border-slate-400 px-3 py-2"
        autoComplete="off"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <p aria-live="polite" className="text-sm text-slate-700">
        {deferred.length < 2 ? "Type at least 2 characters." : isFetching ? "Searching…" : `${data?.length ?? 0} found`}
      </p>
      {data && data.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Search results">
          {data.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => onChange(p)}
                className="flex min-h-11 w-full flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-left hover:bg-brand-50"
              >
                <span className="font-medium text-brand-800">
                  {p.lastName}, {p.firstName}
                </span>
                <span className="text-sm text-slate-700">
                  Born {p.dateOfBirth.slice(0, 10)}
                  {p.phone ? ` · ${p.phone}` : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
