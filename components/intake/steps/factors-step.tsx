"use client";

import {
  AGGRAVATING_FACTORS,
  AGGRAVATING_LABEL,
  CONTRIBUTORS,
  CONTRIBUTOR_LABEL,
  EASING_FACTORS,
  EASING_LABEL,
} from "@/lib/intake/options";
import { bindStep, optionsOf, type StepProps } from "../bind-step";
import { CheckboxQuestion, TextAreaField } from "../controls";

export function FactorsStep(props: StepProps<"factors">) {
  const { text, choices } = bindStep(props);
  return (
    <div className="flex flex-col gap-6">
      <CheckboxQuestion
        legend="What makes it worse?"
        hint="Choose all that apply."
        options={optionsOf(AGGRAVATING_FACTORS, AGGRAVATING_LABEL)}
        {...choices("worse")}
      />
      <TextAreaField
        label="Anything else that makes it worse? (optional)"
        rows={2}
        maxLength={500}
        {...text("worseOther")}
      />
      <CheckboxQuestion
        legend="What makes it better?"
        hint="Choose all that apply."
        options={optionsOf(EASING_FACTORS, EASING_LABEL)}
        {...choices("better")}
      />
      <TextAreaField label="Anything else that helps? (optional)" rows={2} maxLength={500} {...text("betterOther")} />
      <CheckboxQuestion
        legend="Do any of these apply to you? (optional)"
        hint="Things that often add to this kind of pain."
        options={optionsOf(CONTRIBUTORS, CONTRIBUTOR_LABEL)}
        {...choices("contributors")}
      />
    </div>
  );
}
