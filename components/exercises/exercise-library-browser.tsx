"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { ExerciseFilterSelects } from "./exercise-filter-selects";
import { BODY_AREA_LABEL, POSITION_LABEL } from "@/lib/exercises/catalog";
import { ExerciseFigure } from "./exercise-figure";
import { exercisesApi } from "./exercises-api";

const fetchLibrary = (filters: Record<string, string>) => exercisesApi.list({ query: filters });

/** Search and filter the clinic's library; each result opens its page. */
export function ExerciseLibraryBrowser() {
  const [filters, setFilters] = useState({
    q: "",
    bodyArea: "",
    position: "",
    equipment: "",
    muscle: "",
    status: "active",
  });
  const deferred = useDeferredValue(filters);
  const { data, isPending, error } = useQuery({
    queryKey: ["exercise-library-browser", deferred],
    queryFn: () => fetchLibrary(deferred),
    placeholderData: (prev) => prev,
  });
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [k]: e.target.value }));
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2">
          <TextField
            label="Search"
            type="search"
            value={filters.q}
            onChange={set("q")}
            placeholder="Name, purpose or muscle"
          />
        </div>
        <ExerciseFilterSelects filters={filters} muscles={data?.muscles} onChange={set} />
        <SelectField label="Show" value={filters.status} onChange={set("status")}>
          <option value="active">In use</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </SelectField>
      </div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {isPending ? "Searching…" : error ? error.message : `${data?.exercises.length ?? 0} exercises`}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {data?.exercises.map((e) => (
          <li key={e.id} className="flex gap-3 rounded-xl border border-slate-200 bg-white p-3">
            <span className="w-24 shrink-0">
              <ExerciseFigure figureKey={e.figureKey} position={e.position} />
            </span>
            <span className="min-w-0">
              <Link href={`/clinic/exercises/${e.id}`} className="font-semibold text-brand-800 underline">
                {e.name}
              </Link>
              {e.archived && <span className="ml-2 rounded bg-slate-200 px-2 text-sm">Archived</span>}
              {e.media && (
                <span className="ml-2 rounded bg-sky-100 px-2 text-sm text-sky-950">
                  {e.media.kind === "video" ? "Video" : "Picture"}
                </span>
              )}
              <span className="block text-sm text-slate-700">{e.summary}</span>
              <span className="block text-sm text-slate-700">
                {BODY_AREA_LABEL[e.bodyArea]} · {POSITION_LABEL[e.position]}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
