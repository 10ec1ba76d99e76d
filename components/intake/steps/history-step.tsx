"use client";

import { TextField } from "@/components/ui/field";
import {
  ONSET_AGO,
  ONSET_AGO_LABEL,
  ONSET_TYPES,
  ONSET_TYPE_LABEL,
  PAIN_PATTERNS,
  PAIN_PATTERN_LABEL,
  PAIN_TRENDS,
  PAIN_TREND_LABEL,
} from "@/lib/intake/options";
import { bindStep, optionsOf, type StepProps } from "../bind-step";
import { RadioQuestion, TextAreaField } from "../controls";

export function HistoryStep(props: StepProps<"history">) {
  const { input, text, choice } = bindStep(props);
  return (
    <div className="flex flex-col gap-6">
      <RadioQuestion
        legend="When did this pain start?"
        options={optionsOf(ONSET_AGO, ONSET_AGO_LABEL)}
        {...choice("onsetAgo")}
      />
      <TextField label="Do you know the date? (optional)" type="date" {...input("onsetDate")} />
      <RadioQuestion
        legend="Did it start suddenly or gradually?"
        options={optionsOf(ONSET_TYPES, ONSET_TYPE_LABEL)}
        layout="row"
        {...choice("onsetType")}
      />
      <TextAreaField
        label="Do you know what caused it? (optional)"
        hint="For example: lifting a box, a fall, a long drive, or “I don't know”."
        rows={2}
        maxLength={1000}
        {...text("cause")}
      />
      <RadioQuestion
        legend="Is the pain there all the time?"
        options={optionsOf(PAIN_PATTERNS, PAIN_PATTERN_LABEL)}
        layout="row"
        {...choice("pattern")}
      />
      <RadioQuestion
        legend="Since it started, is it getting better or worse?"
        options={optionsOf(PAIN_TRENDS, PAIN_TREND_LABEL)}
        layout="row"
        {...choice("trend")}
      />
    </div>
  );
}
