"use client";

import {
  START_BACK_ATTRIBUTION,
  START_BACK_BOTHER_LABEL,
  START_BACK_BOTHER_QUESTION,
  START_BACK_ITEMS,
} from "@/lib/intake/questionnaires";
import { START_BACK_BOTHER } from "@/lib/scoring/start-back-rules";
import { bindStep, optionsOf, type StepProps } from "../bind-step";
import { RadioQuestion } from "../controls";

export function StartBackStep(props: StepProps<"startBack">) {
  const { value, onChange, errors } = props;
  const { choice } = bindStep(props);
  const agree = value.agree ?? [];
  return (
    <div className="flex flex-col gap-6">
      <p>Thinking about the last 2 weeks, tell us whether you agree or disagree with each statement.</p>
      {START_BACK_ITEMS.map((text, i) => (
        <RadioQuestion
          key={text}
          legend={`${i + 1}. ${text}`}
          name={`startback-${i}`}
          options={[
            { value: "disagree", label: "Disagree" },
            { value: "agree", label: "Agree" },
          ]}
          value={agree[i] === true ? "agree" : agree[i] === false ? "disagree" : null}
          onChange={(v) => {
            const next = Array.from({ length: 8 }, (_, j) => agree[j] ?? null);
            next[i] = v === "agree";
            onChange({ agree: next });
          }}
          errors={errors[`agree.${i}`]}
          layout="row"
        />
      ))}
      <RadioQuestion
        legend={`9. ${START_BACK_BOTHER_QUESTION}`}
        options={optionsOf(START_BACK_BOTHER, START_BACK_BOTHER_LABEL)}
        {...choice("bothersome")}
      />
      <p className="text-sm text-slate-600">{START_BACK_ATTRIBUTION}</p>
    </div>
  );
}
