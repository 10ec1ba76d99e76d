"use client";

import { TextField } from "@/components/ui/field";
import { PainMapEditor } from "@/components/pain-map/pain-map-editor";
import {
  AGGRAVATING_FACTORS,
  AGGRAVATING_LABEL,
  CONTRIBUTORS,
  CONTRIBUTOR_LABEL,
  EASING_FACTORS,
  EASING_LABEL,
  ONSET_AGO,
  ONSET_AGO_LABEL,
  ONSET_TYPES,
  ONSET_TYPE_LABEL,
  PAIN_PATTERNS,
  PAIN_PATTERN_LABEL,
  PAIN_TRENDS,
  PAIN_TREND_LABEL,
  TRAUMA_OPTIONS,
  TRAUMA_LABEL,
  TREATMENTS,
  TREATMENT_LABEL,
} from "@/lib/intake/options";
import {
  ODI_SECTIONS,
  RED_FLAG_QUESTIONS,
  START_BACK_ATTRIBUTION,
  START_BACK_BOTHER_LABEL,
  START_BACK_BOTHER_QUESTION,
  START_BACK_ITEMS,
} from "@/lib/intake/questionnaires";
import { RED_FLAG_FIELDS, type IntakeStepId, type StepAnswers } from "@/lib/intake/schema";
import { START_BACK_BOTHER } from "@/lib/scoring/start-back-rules";
import { CheckboxQuestion, RadioQuestion, SCALE_0_10, TextAreaField } from "./controls";

export type StepProps<K extends IntakeStepId> = {
  value: StepAnswers<K>;
  onChange(patch: Partial<StepAnswers<K>>): void;
  errors: Record<string, string[]>;
  psfsLocked?: boolean;
};

const YES_NO_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

export function ContactStep({ value, onChange, errors }: StepProps<"contact">) {
  const field = (name: keyof StepAnswers<"contact">) => ({
    name,
    value: value[name] ?? "",
    onChange: (e: { target: { value: string } }) => onChange({ [name]: e.target.value }),
    errors: errors[name],
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <p className="sm:col-span-2">Please check the details we have and correct anything that is wrong.</p>
      <TextField label="First name" autoComplete="given-name" {...field("firstName")} />
      <TextField label="Last name" autoComplete="family-name" {...field("lastName")} />
      <TextField label="Preferred name (optional)" autoComplete="nickname" {...field("preferredName")} />
      <TextField label="Date of birth" type="date" autoComplete="bday" {...field("dateOfBirth")} />
      <TextField label="Mobile phone" type="tel" autoComplete="tel" {...field("phone")} />
      <TextField label="Email" type="email" autoComplete="email" {...field("email")} />
      <div className="sm:col-span-2">
        <TextField label="Street address (optional)" autoComplete="street-address" {...field("addressLine")} />
      </div>
      <TextField label="Town or city (optional)" autoComplete="address-level2" {...field("city")} />
      <TextField label="ZIP code (optional)" autoComplete="postal-code" {...field("postalCode")} />
      <TextField label="Emergency contact name (optional)" autoComplete="off" {...field("emergencyContactName")} />
      <TextField
        label="Emergency contact phone (optional)"
        type="tel"
        autoComplete="off"
        {...field("emergencyContactPhone")}
      />
    </div>
  );
}

export function ReasonStep({ value, onChange, errors }: StepProps<"reason">) {
  return (
    <div className="flex flex-col gap-5">
      <TextAreaField
        name="reason"
        label="What brings you in?"
        hint="In your own words, for example: “Low back pain since I moved house.”"
        value={value.reason ?? ""}
        onChange={(v) => onChange({ reason: v })}
        errors={errors.reason}
        maxLength={2000}
      />
      <TextAreaField
        name="goals"
        label="What would you like to be able to do again? (optional)"
        hint="Your goals help us plan your care, for example: “Pick up my grandchild” or “Run 5 km.”"
        value={value.goals ?? ""}
        onChange={(v) => onChange({ goals: v })}
        errors={errors.goals}
        maxLength={2000}
      />
    </div>
  );
}

export function PainMapStep({ value, onChange, errors }: StepProps<"painMap">) {
  const markErrors = Object.fromEntries(
    Object.entries(errors).filter(([k]) => k === "marks" || k.startsWith("marks.")),
  );
  return (
    <div className="flex flex-col gap-6">
      <RadioQuestion
        legend="How strong is your pain right now?"
        hint="0 means no pain, 10 means the worst pain you can imagine."
        name="nprsNow"
        options={SCALE_0_10}
        value={value.nprsNow ?? null}
        onChange={(v) => onChange({ nprsNow: v })}
        errors={errors.nprsNow}
        layout="scale"
      />
      <PainMapEditor marks={value.marks ?? []} onChange={(marks) => onChange({ marks })} errors={markErrors} />
    </div>
  );
}

export function HistoryStep({ value, onChange, errors }: StepProps<"history">) {
  return (
    <div className="flex flex-col gap-6">
      <RadioQuestion
        legend="When did this pain start?"
        name="onsetAgo"
        options={ONSET_AGO.map((v) => ({ value: v, label: ONSET_AGO_LABEL[v] }))}
        value={value.onsetAgo}
        onChange={(v) => onChange({ onsetAgo: v })}
        errors={errors.onsetAgo}
      />
      <TextField
        label="Do you know the date? (optional)"
        type="date"
        name="onsetDate"
        value={value.onsetDate ?? ""}
        onChange={(e) => onChange({ onsetDate: e.target.value })}
        errors={errors.onsetDate}
      />
      <RadioQuestion
        legend="Did it start suddenly or gradually?"
        name="onsetType"
        options={ONSET_TYPES.map((v) => ({ value: v, label: ONSET_TYPE_LABEL[v] }))}
        value={value.onsetType}
        onChange={(v) => onChange({ onsetType: v })}
        errors={errors.onsetType}
        layout="row"
      />
      <TextAreaField
        name="cause"
        label="Do you know what caused it? (optional)"
        hint="For example: lifting a box, a fall, a long drive, or “I don't know”."
        value={value.cause ?? ""}
        onChange={(v) => onChange({ cause: v })}
        errors={errors.cause}
        rows={2}
        maxLength={1000}
      />
      <RadioQuestion
        legend="Is the pain there all the time?"
        name="pattern"
        options={PAIN_PATTERNS.map((v) => ({ value: v, label: PAIN_PATTERN_LABEL[v] }))}
        value={value.pattern}
        onChange={(v) => onChange({ pattern: v })}
        errors={errors.pattern}
        layout="row"
      />
      <RadioQuestion
        legend="Since it started, is it getting better or worse?"
        name="trend"
        options={PAIN_TRENDS.map((v) => ({ value: v, label: PAIN_TREND_LABEL[v] }))}
        value={value.trend}
        onChange={(v) => onChange({ trend: v })}
        errors={errors.trend}
        layout="row"
      />
    </div>
  );
}

export function FactorsStep({ value, onChange, errors }: StepProps<"factors">) {
  return (
    <div className="flex flex-col gap-6">
      <CheckboxQuestion
        legend="What makes it worse?"
        hint="Choose all that apply."
        name="worse"
        options={AGGRAVATING_FACTORS.map((v) => ({ value: v, label: AGGRAVATING_LABEL[v] }))}
        values={value.worse ?? []}
        onChange={(v) => onChange({ worse: v })}
        errors={errors.worse}
      />
      <TextAreaField
        name="worseOther"
        label="Anything else that makes it worse? (optional)"
        value={value.worseOther ?? ""}
        onChange={(v) => onChange({ worseOther: v })}
        errors={errors.worseOther}
        rows={2}
        maxLength={500}
      />
      <CheckboxQuestion
        legend="What makes it better?"
        hint="Choose all that apply."
        name="better"
        options={EASING_FACTORS.map((v) => ({ value: v, label: EASING_LABEL[v] }))}
        values={value.better ?? []}
        onChange={(v) => onChange({ better: v })}
        errors={errors.better}
      />
      <TextAreaField
        name="betterOther"
        label="Anything else that helps? (optional)"
        value={value.betterOther ?? ""}
        onChange={(v) => onChange({ betterOther: v })}
        errors={errors.betterOther}
        rows={2}
        maxLength={500}
      />
      <CheckboxQuestion
        legend="Do any of these apply to you? (optional)"
        hint="Things that often add to this kind of pain."
        name="contributors"
        options={CONTRIBUTORS.map((v) => ({ value: v, label: CONTRIBUTOR_LABEL[v] }))}
        values={value.contributors ?? []}
        onChange={(v) => onChange({ contributors: v })}
        errors={errors.contributors}
      />
    </div>
  );
}

export function TreatmentsStep({ value, onChange, errors }: StepProps<"treatments">) {
  return (
    <div className="flex flex-col gap-6">
      <TextAreaField
        name="pastInjuries"
        label="Past injuries or operations (optional)"
        hint="Anything affecting your back, joints or muscles, with roughly when."
        value={value.pastInjuries ?? ""}
        onChange={(v) => onChange({ pastInjuries: v })}
        errors={errors.pastInjuries}
        maxLength={2000}
      />
      <CheckboxQuestion
        legend="Have you had any treatment for this pain? (optional)"
        name="treatments"
        options={TREATMENTS.map((v) => ({ value: v, label: TREATMENT_LABEL[v] }))}
        values={value.treatments ?? []}
        onChange={(v) => onChange({ treatments: v })}
        errors={errors.treatments}
      />
      <TextAreaField
        name="treatmentNotes"
        label="How did the treatment go? (optional)"
        value={value.treatmentNotes ?? ""}
        onChange={(v) => onChange({ treatmentNotes: v })}
        errors={errors.treatmentNotes}
        rows={2}
        maxLength={2000}
      />
      <TextAreaField
        name="medications"
        label="Medicines you take at the moment (optional)"
        value={value.medications ?? ""}
        onChange={(v) => onChange({ medications: v })}
        errors={errors.medications}
        rows={2}
        maxLength={1000}
      />
    </div>
  );
}

export function RedFlagsStep({ value, onChange, errors }: StepProps<"redFlags">) {
  return (
    <div className="flex flex-col gap-6">
      <p>These questions help us spot the rare problems that need a doctor quickly. Please answer each one.</p>
      {RED_FLAG_FIELDS.map((f) =>
        f === "trauma" ? (
          <RadioQuestion
            key={f}
            legend={RED_FLAG_QUESTIONS.trauma}
            name={f}
            options={TRAUMA_OPTIONS.map((v) => ({ value: v, label: TRAUMA_LABEL[v] }))}
            value={value.trauma}
            onChange={(v) => onChange({ trauma: v })}
            errors={errors[f]}
          />
        ) : (
          <RadioQuestion
            key={f}
            legend={RED_FLAG_QUESTIONS[f]}
            name={f}
            options={YES_NO_OPTIONS}
            value={value[f]}
            onChange={(v) => onChange({ [f]: v })}
            errors={errors[f]}
            layout="row"
          />
        ),
      )}
    </div>
  );
}

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

export function StartBackStep({ value, onChange, errors }: StepProps<"startBack">) {
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
        name="startback-bother"
        options={START_BACK_BOTHER.map((v) => ({ value: v, label: START_BACK_BOTHER_LABEL[v] }))}
        value={value.bothersome ?? null}
        onChange={(v) => onChange({ bothersome: v })}
        errors={errors.bothersome}
      />
      <p className="text-sm text-slate-600">{START_BACK_ATTRIBUTION}</p>
    </div>
  );
}

export function PsfsStep({ value, onChange, errors, psfsLocked }: StepProps<"psfs">) {
  const rows = value.activities ?? [];
  const padded = psfsLocked
    ? rows
    : [...rows, ...Array.from({ length: Math.max(0, 3 - rows.length) }, () => ({ activity: "", rating: null }))];
  const set = (i: number, patch: Partial<{ activity: string; rating: number | null }>) => {
    const next = padded.map((r, j) => (j === i ? { ...r, ...patch } : r));
    onChange({ activities: next });
  };
  return (
    <div className="flex flex-col gap-6">
      <p>
        {psfsLocked
          ? "Last time you named these activities. How well can you do each one today?"
          : "Name 3 to 5 important activities you find hard or cannot do because of your problem. Then rate how well you can do each today."}
      </p>
      {errors.activities && <p className="font-semibold text-red-700">{errors.activities.join(" ")}</p>}
      {padded.map((row, i) => (
        <div key={i} className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4">
          {psfsLocked ? (
            <h3 className="font-semibold">
              Activity {i + 1}: {row.activity}
            </h3>
          ) : (
            <TextField
              label={`Activity ${i + 1}${i >= 3 ? " (optional)" : ""}`}
              name={`psfs-activity-${i}`}
              value={row.activity}
              onChange={(e) => set(i, { activity: e.target.value })}
              errors={errors[`activities.${i}.activity`]}
              placeholder={
                ["For example: sitting at my desk", "For example: lifting my child", "For example: running"][i] ?? ""
              }
            />
          )}
          <RadioQuestion
            legend={`How well can you do ${psfsLocked ? "it" : "this"} today? (0 = unable, 10 = as well as before)`}
            name={`psfs-rating-${i}`}
            options={SCALE_0_10}
            value={row.rating}
            onChange={(v) => set(i, { rating: v })}
            errors={errors[`activities.${i}.rating`]}
            layout="scale"
          />
        </div>
      ))}
      {!psfsLocked && padded.length < 5 && (
        <button
          type="button"
          className="min-h-11 self-start rounded-lg border border-slate-400 bg-white px-4 font-semibold hover:bg-slate-50"
          onClick={() => onChange({ activities: [...padded, { activity: "", rating: null }] })}
        >
          Add another activity
        </button>
      )}
    </div>
  );
}

export function ConsentStep({ value, onChange, errors }: StepProps<"consent">) {
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
      <TextField
        label="Type your full name as your signature"
        name="signatureName"
        autoComplete="name"
        value={value.signatureName ?? ""}
        onChange={(e) => onChange({ signatureName: e.target.value })}
        errors={errors.signatureName}
      />
    </div>
  );
}
