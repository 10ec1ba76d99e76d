"use client";

import { TRAUMA_OPTIONS, TRAUMA_LABEL } from "@/lib/intake/options";
import { RED_FLAG_QUESTIONS } from "@/lib/intake/questionnaires";
import { RED_FLAG_FIELDS } from "@/lib/intake/steps";
import { bindStep, optionsOf, type StepProps } from "../bind-step";
import { RadioQuestion } from "../controls";

const YES_NO_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

export function RedFlagsStep(props: StepProps<"redFlags">) {
  const { choice } = bindStep(props);
  return (
    <div className="flex flex-col gap-6">
      <p>These questions help us spot the rare problems that need a doctor quickly. Please answer each one.</p>
      {RED_FLAG_FIELDS.map((f) =>
        f === "trauma" ? (
          <RadioQuestion
            key={f}
            legend={RED_FLAG_QUESTIONS.trauma}
            options={optionsOf(TRAUMA_OPTIONS, TRAUMA_LABEL)}
            {...choice("trauma")}
          />
        ) : (
          <RadioQuestion key={f} legend={RED_FLAG_QUESTIONS[f]} options={YES_NO_OPTIONS} layout="row" {...choice(f)} />
        ),
      )}
    </div>
  );
}
