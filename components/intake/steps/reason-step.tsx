"use client";

import { bindStep, type StepProps } from "../bind-step";
import { TextAreaField } from "../controls";

export function ReasonStep(props: StepProps<"reason">) {
  const { text } = bindStep(props);
  return (
    <div className="flex flex-col gap-5">
      <TextAreaField
        label="What brings you in?"
        hint="In your own words, for example: “Low back pain since I moved house.”"
        maxLength={2000}
        {...text("reason")}
      />
      <TextAreaField
        label="What would you like to be able to do again? (optional)"
        hint="Your goals help us plan your care, for example: “Pick up my grandchild” or “Run 5 km.”"
        maxLength={2000}
        {...text("goals")}
      />
    </div>
  );
}
