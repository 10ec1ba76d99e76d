"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useId, useState } from "react";
import { patientsApi } from "./patients-api";

// POST, not ?q=: a patient's name must not end up in a URL (docs/decisions/046).
const fetchPatients = (q: string, includeInactive: boolean) =>
  patientsApi.search({ body: { q, includeInactive } }).then((r) => r.patients);

/**
 * Find a patient by name, phone or date of birth; results link to the
 * patient's page. Inactive patients only when the box is ticked (decision 058).
 */
export function PatientSearch() {
  const [q, setQ] = useState("");
  const [includeInactive, setIncludeInactive] = useState(false);
  const deferred = useDeferredValue(q.trim());
  const inputId = useId();
  const { data, isPending, error } = useQuery({
    queryKey: ["patients", deferred, includeInactive],
    queryFn: () => fetchPatients(deferred, includeInactive),
  });
  return (
    <div className="flex flex-col gap-3">
      <label htmlFor={inputId} className="font-medium">
        Find a patient
      </label>
      <input
        id={inputId}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Name, phone or date of birth (YYYY-MM-DD)"
        className="min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2"
      />
      <label className="flex min-h-11 items-center gap-2 text-slate-800">
        <input
          type="checkbox"
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.target.checked)}
          className="size-5"
        />
        Include inactive patients
      </label>
      <div aria-live="polite" className="text-sm text-slate-700">
        {isPending
          ? "Searching…"
          : error
            ? error.message
            : `${data?.length ?? 0} patient${data?.length === 1 ? "" : "s"}`}
      </div>
      <ul aria-label="Search results" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {data?.map((p) => (
          <li key={p.id}>
            <Link
              href={`/clinic/patients/${p.id}`}
              className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-brand-50"
            >
              <span className="font-medium text-brand-800 underline-offset-2 hover:underline">
                {p.lastName}, {p.firstName}
                {p.preferredName ? ` (“${p.preferredName}”)` : ""}
                {p.active ? "" : " · inactive"}
              </span>
              <span className="text-sm text-slate-700">
                Born {p.dateOfBirth.slice(0, 10)}
                {p.phone ? ` · ${p.phone}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
