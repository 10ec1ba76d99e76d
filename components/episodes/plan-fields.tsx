"use client";

import type { UseFormReturn } from "react-hook-form";
import { TextArea, TextField } from "@/components/ui/field";
import type { ServerForm } from "@/components/ui/use-server-form";
import { defaultPlannedEnd } from "@/lib/episodes/schema";
import { isLocalDate } from "@/lib/time/calendar-rules";
import type { PlanValues } from "./open-episode-form";

/** The plan-of-care fields, shared by opening an episode and editing its plan. */
export function PlanFields({
  form,
  field,
}: {
  form: UseFormReturn<PlanValues>;
  field: ServerForm<PlanValues>["field"];
}) {
  // The planned end follows start + weeks until someone edits it by hand.
  const followEnd = () => {
    const { startDate, weeks, plannedEndDate } = form.getValues();
    const n = Number(weeks);
    if (!isLocalDate(startDate) || !Number.isInteger(n) || n < 1 || n > 104) return;
    if (!form.getFieldState("plannedEndDate").isDirty || !plannedEndDate)
      form.setValue("plannedEndDate", defaultPlannedEnd(startDate, n));
  };
  const goals = form.watch("goals");
  return (
    <>
      <TextArea label="Reason for care" rows={2} maxLength={500} required {...field("reason")} />
      <TextField
        label="ICD-10-CM code (optional)"
        hint="As on the referral or your assessment, e.g. M54.50."
        autoComplete="off"
        maxLength={20}
        {...field("icd10Code")}
      />
      <fieldset className="grid gap-2">
        <legend className="mb-1 font-semibold text-slate-900">Goals</legend>
        <p className="text-sm text-slate-600">
          In the patient&apos;s words; from their PSFS activities when there are some.
        </p>
        {goals.map((_, i) => (
          <TextField key={i} label={`Goal ${i + 1} (optional)`} maxLength={200} {...field(`goals.${i}`)} />
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Visits a week"
          type="number"
          inputMode="numeric"
          min={1}
          max={14}
          required
          {...field("visitsPerWeek")}
        />
        <TextField
          label="For how many weeks"
          type="number"
          inputMode="numeric"
          min={1}
          max={104}
          required
          {...field("weeks")}
          onBlur={(e) => {
            void field("weeks").onBlur(e);
            followEnd();
          }}
        />
        <TextField
          label="Start"
          type="date"
          required
          {...field("startDate")}
          onBlur={(e) => {
            void field("startDate").onBlur(e);
            followEnd();
          }}
        />
        <TextField label="Planned end" type="date" required {...field("plannedEndDate")} />
      </div>
    </>
  );
}
