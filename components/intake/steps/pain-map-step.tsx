"use client";

import { PainMapEditor } from "@/components/pain-map/pain-map-editor";
import { bindStep, type StepProps } from "../bind-step";
import { RadioQuestion, SCALE_0_10 } from "../controls";

export function PainMapStep(props: StepProps<"painMap">) {
  const { value, onChange, errors } = props;
  const { choice } = bindStep(props);
  const markErrors = Object.fromEntries(
    Object.entries(errors).filter(([k]) => k === "marks" || k.startsWith("marks.")),
  );
  return (
    <div className="flex flex-col gap-6">
      <RadioQuestion
        legend="How strong is your pain right now?"
        hint="0 means no pain, 10 means the worst pain you can imagine."
        options={SCALE_0_10}
        layout="scale"
        {...choice("nprsNow")}
      />
      <PainMapEditor marks={value.marks ?? []} onChange={(marks) => onChange({ marks })} errors={markErrors} />
    </div>
  );
}
