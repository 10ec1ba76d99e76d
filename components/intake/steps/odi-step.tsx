"use client";

import { ODI_SECTIONS } from "@/lib/intake/questionnaires";
import type { StepProps } from "../bind-step";
import { RadioQuestion } from "../controls";

export function OdiStep({ value, onChange, errors }: StepProps<"odi">) {
  const sections = value.sections ?? [];
  return (
    <div className="flex flex-col gap-6">
      <p>
        Choose the one statement in each section that best describes you <strong>today</strong>. If a section does not
        apply to you, skip it.
      </p>
      {errors.sections && <p className="font-semibold text-red-700">{errors.sections.join(" ")}</p>}
      {ODI_SECTIONS.map((section, i) => (
        <RadioQuestion
          key={section.title}
          legend={`${i + 1}. ${section.title}`}
          name={`odi-${i}`}
          options={section.statements.map((s, v) => ({ value: v, label: s }))}
          value={sections[i] ?? null}
          onChange={(v) => {
            const next = Array.from({ length: 10 }, (_, j) => sections[j] ?? null);
            next[i] = v;
            onChange({ sections: next });
          }}
          errors={errors[`sections.${i}`]}
        />
      ))}
      <p className="text-sm text-slate-600">Oswestry Disability Index v2.1a (Fairbank &amp; Pynsent, 2000).</p>
    </div>
  );
}
