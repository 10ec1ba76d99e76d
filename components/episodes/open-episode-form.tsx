"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { defaultPlannedEnd, planFormSchema } from "@/lib/episodes/schema";
import { episodeApi } from "./episode-api";
import { PlanFields } from "./plan-fields";

export type PlanValues = {
  reason: string;
  icd10Code: string;
  goals: string[];
  visitsPerWeek: string;
  weeks: string;
  startDate: string;
  plannedEndDate: string;
};

/** Five goal boxes: the PSFS allows five activities, and so does the plan. */
export const GOAL_SLOTS = 5;

export function planDefaults(goals: readonly string[], today: string): PlanValues {
  return {
    reason: "",
    icd10Code: "",
    goals: Array.from({ length: GOAL_SLOTS }, (_, i) => goals[i] ?? ""),
    visitsPerWeek: "2",
    weeks: "6",
    startDate: today,
    plannedEndDate: defaultPlannedEnd(today, 6),
  };
}

/**
 * "Open episode of care": from a submitted intake (its PSFS activities are
 * the goals to start from) or from the patient page without one. The planned
 * end follows the start and the weeks until the therapist changes it.
 */
export function OpenEpisodeForm({
  patientId,
  intakeId = null,
  goals = [],
  today,
}: {
  patientId: string;
  intakeId?: string | null;
  goals?: readonly string[];
  today: string;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError, hasFieldErrors, field } = useServerForm<PlanValues, { id: string }>({
    defaultValues: planDefaults(goals, today),
    schema: planFormSchema,
    submit: (values) =>
      settle(episodeApi.openEpisode({ params: { patientId }, body: { ...values, patientId, intakeId } })),
    onSuccess: (data) => router.push(`/clinic/patients/${patientId}/episodes/${data.id}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Open episode of care" className="grid gap-4">
      {formError && !hasFieldErrors && (
        <Alert tone="danger" role="alert" title="Not opened">
          {formError}
        </Alert>
      )}
      <PlanFields form={form} field={field} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Opening…" : "Open episode of care"}
        </Button>
      </div>
    </form>
  );
}
