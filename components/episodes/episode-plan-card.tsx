"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { planFormSchema } from "@/lib/episodes/schema";
import { ApiError } from "@/lib/http/api-client";
import { formatIsoDateOnly } from "@/lib/time/format";
import { episodeApi, type EpisodeViewWire } from "./episode-api";
import { GOAL_SLOTS, type PlanValues } from "./open-episode-form";
import { PlanFields } from "./plan-fields";

const RISK_LABEL = { low: "Low risk", medium: "Medium risk", high: "High risk" } as const;

/** The plan of care; clinicians may edit it while the episode is open (compare-and-set on its version). */
export function EpisodePlanCard({ episode, canEdit }: { episode: EpisodeViewWire; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const clinical = episode.clinical;
  const editable = canEdit && clinical && episode.status !== "discharged";
  return (
    <Card
      title="Plan of care"
      actions={
        editable && !editing ? (
          <Button variant="secondary" onClick={() => (setEditing(true), setProblem(null))}>
            Edit plan
          </Button>
        ) : undefined
      }
    >
      {problem && (
        <div className="mb-4">
          <Alert tone="danger" role="alert" title="Not saved">
            {problem}
          </Alert>
        </div>
      )}
      {editing && clinical ? (
        <PlanForm
          episode={episode}
          clinical={clinical}
          onDone={() => setEditing(false)}
          onProblem={(m) => (setProblem(m), setEditing(false))}
        />
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2" data-testid="episode-plan">
          {clinical && (
            <>
              <dt className="text-slate-600">Reason</dt>
              <dd>{clinical.reason}</dd>
              <dt className="text-slate-600">ICD-10-CM</dt>
              <dd>{clinical.icd10Code ?? "—"}</dd>
              <dt className="text-slate-600">Goals</dt>
              <dd>
                {clinical.goals.length ? (
                  <ul className="list-disc pl-5" data-testid="episode-goals">
                    {clinical.goals.map((g, i) => (
                      <li key={i}>{g}</li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </dd>
              <dt className="text-slate-600">STarT Back</dt>
              <dd>{clinical.startBackRisk ? RISK_LABEL[clinical.startBackRisk] : "Not recorded"}</dd>
            </>
          )}
          <dt className="text-slate-600">Frequency</dt>
          <dd>
            {episode.visitsPerWeek} a week for {episode.weeks} weeks
          </dd>
          <dt className="text-slate-600">Dates</dt>
          <dd>
            {formatIsoDateOnly(episode.startDate)} to {formatIsoDateOnly(episode.plannedEndDate)}
          </dd>
          <dt className="text-slate-600">Therapist</dt>
          <dd>{episode.therapist?.name ?? "—"}</dd>
        </dl>
      )}
    </Card>
  );
}

function PlanForm({
  episode,
  clinical,
  onDone,
  onProblem,
}: {
  episode: EpisodeViewWire;
  clinical: NonNullable<EpisodeViewWire["clinical"]>;
  onDone: () => void;
  onProblem: (message: string) => void;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, field } = useServerForm<PlanValues, unknown>({
    defaultValues: {
      reason: clinical.reason,
      icd10Code: clinical.icd10Code ?? "",
      goals: Array.from({ length: GOAL_SLOTS }, (_, i) => clinical.goals[i] ?? ""),
      visitsPerWeek: String(episode.visitsPerWeek),
      weeks: String(episode.weeks),
      startDate: episode.startDate,
      plannedEndDate: episode.plannedEndDate,
    },
    schema: planFormSchema,
    submit: (values) =>
      settle(
        episodeApi
          .updatePlan({ params: { episodeId: episode.id }, body: { ...values, expectedVersion: episode.version } })
          .catch((e: unknown) => {
            // A conflict (someone else saved, or the episode was discharged) is told above; the page reloads.
            if (e instanceof ApiError && e.status === 409) {
              onProblem(e.message);
              router.refresh();
            }
            throw e;
          }),
      ),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit plan of care" className="grid gap-4">
      <PlanFields form={form} field={field} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save plan"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
