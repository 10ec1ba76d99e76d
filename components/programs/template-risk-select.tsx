"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { exercisesApi } from "@/components/exercises/exercises-api";
import { MATCHED_APPROACH, MATCHED_RISK_GROUPS, type MatchedRiskGroup } from "@/lib/episodes/matched-care-rules";

/** "Suits STarT Back group": saved as soon as it changes, with the result announced. */
export function TemplateRiskSelect({
  templateId,
  name,
  initial,
}: {
  templateId: string;
  name: string;
  initial: MatchedRiskGroup | null;
}) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState<string>(initial ?? "");
  const save = useMutation({
    mutationFn: (matchedRisk: MatchedRiskGroup | null) =>
      exercisesApi.setTemplateRisk({ params: { templateId }, body: { matchedRisk } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="mt-3 flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        Suits STarT Back group
      </label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-status`}
        disabled={save.isPending}
        className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2"
        data-testid={`template-risk-${name}`}
        onChange={(e) => {
          setValue(e.target.value);
          save.mutate(e.target.value === "" ? null : (e.target.value as MatchedRiskGroup));
        }}
      >
        <option value="">No particular group</option>
        {MATCHED_RISK_GROUPS.map((r) => (
          <option key={r} value={r}>
            {`${r[0]!.toUpperCase()}${r.slice(1)} risk: ${MATCHED_APPROACH[r].title.toLowerCase()}`}
          </option>
        ))}
      </select>
      <p id={`${id}-status`} role="status" className="text-sm text-slate-700">
        {save.isError ? "Could not save; try again." : save.isSuccess ? "Saved." : ""}
      </p>
    </div>
  );
}
