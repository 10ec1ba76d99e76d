"use client";

import { TREATMENTS, TREATMENT_LABEL } from "@/lib/intake/options";
import { bindStep, optionsOf, type StepProps } from "../bind-step";
import { CheckboxQuestion, TextAreaField } from "../controls";

export function TreatmentsStep(props: StepProps<"treatments">) {
  const { text, choices } = bindStep(props);
  return (
    <div className="flex flex-col gap-6">
      <TextAreaField
        label="Past injuries or operations (optional)"
        hint="Anything affecting your back, joints or muscles, with roughly when."
        maxLength={2000}
        {...text("pastInjuries")}
      />
      <CheckboxQuestion
        legend="Have you had any treatment for this pain? (optional)"
        options={optionsOf(TREATMENTS, TREATMENT_LABEL)}
        {...choices("treatments")}
      />
      <TextAreaField
        label="How did the treatment go? (optional)"
        rows={2}
        maxLength={2000}
        {...text("treatmentNotes")}
      />
      <TextAreaField
        label="Medicines you take at the moment (optional)"
        rows={2}
        maxLength={1000}
        {...text("medications")}
      />
    </div>
  );
}
