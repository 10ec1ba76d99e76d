"use client";

import { TextField } from "@/components/ui/field";
import { bindStep, type StepProps } from "../bind-step";

export function ConsentStep(props: StepProps<"consent">) {
  const { value, onChange, errors } = props;
  const { input } = bindStep(props);
  return (
    <div className="flex flex-col gap-5">
      <div className="rounded-lg border border-slate-300 bg-white p-4 text-sm leading-relaxed">
        <p>
          Your physical therapist will assess you and explain the treatment they suggest before starting it. You can ask
          questions, and say no to any part of it, at any time.
        </p>
        <p className="mt-2">
          We keep your answers in your health record at this clinic. Only the people caring for you can read them, and
          every time someone opens your record it is logged.
        </p>
      </div>
      {(
        [
          ["agreeTreatment", "I agree to be assessed and treated by the physical therapists at this clinic."],
          ["agreePrivacy", "I have read how my information is used."],
        ] as const
      ).map(([key, text]) => (
        <div key={key} data-field={key} className="flex flex-col gap-1">
          <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-400 bg-white px-3 py-3">
            <input
              type="checkbox"
              className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700"
              checked={value[key] === true}
              onChange={(e) => onChange({ [key]: e.target.checked })}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={errors[key] ? `${key}-error` : undefined}
            />
            <span>{text}</span>
          </label>
          {errors[key] && (
            <p id={`${key}-error`} className="text-sm font-semibold text-red-700">
              {errors[key]!.join(" ")}
            </p>
          )}
        </div>
      ))}
      <TextField label="Type your full name as your signature" autoComplete="name" {...input("signatureName")} />
    </div>
  );
}
