"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveMonitoringThresholdAction } from "@/app/(staff)/clinic/admin/monitoring/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { monitoringThresholdSchema } from "@/lib/episodes/monitoring-threshold-schema";
import type { MonitoringThresholdRow } from "@/lib/episodes/monitoring-thresholds";

type Values = { label: string; minDays: number | string; periodDays: number | string; source: string };

/** Edit one remote-monitoring threshold, or add one (no `threshold`); errors show beside their fields. */
export function MonitoringThresholdForm({ threshold }: { threshold?: MonitoringThresholdRow }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const { onSubmit, pending, formError, hasFieldErrors, field } = useServerForm<Values, { label: string }>({
    defaultValues: {
      label: threshold?.label ?? "",
      minDays: threshold?.minDays ?? 16,
      periodDays: threshold?.periodDays ?? 30,
      source: threshold?.source ?? "",
    },
    schema: monitoringThresholdSchema,
    submit: (values) => {
      setSaved(null);
      return saveMonitoringThresholdAction({ ...values, id: threshold?.id });
    },
    onSuccess: (data) => {
      setSaved(`Saved “${data.label}”.`);
      router.refresh();
    },
    resetOnSuccess: !threshold,
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={threshold ? `Edit ${threshold.label}` : "Add a threshold"}
      className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-3"
    >
      {saved && (
        <div className="sm:col-span-3">
          <Alert tone="success" role="status">
            {saved}
          </Alert>
        </div>
      )}
      {formError && !hasFieldErrors && (
        <div className="sm:col-span-3">
          <Alert tone="danger" role="alert">
            {formError}
          </Alert>
        </div>
      )}
      <TextField label="Label" maxLength={80} {...field("label")} />
      <TextField label="Days with data needed" type="number" min={1} max={366} {...field("minDays")} />
      <TextField label="Period (days)" type="number" min={1} max={366} {...field("periodDays")} />
      <div className="sm:col-span-3">
        <TextArea
          label="Source"
          hint="The rule it comes from (fee schedule, payer policy) and when it was checked."
          rows={3}
          maxLength={1000}
          {...field("source")}
        />
      </div>
      <div className="sm:col-span-3">
        <Button type="submit" variant={threshold ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Saving…" : threshold ? `Save ${threshold.label}` : "Add threshold"}
        </Button>
      </div>
    </form>
  );
}
