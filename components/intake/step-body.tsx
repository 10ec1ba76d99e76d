"use client";

import dynamic from "next/dynamic";
import { Component, type ComponentType, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { DraftAnswers } from "@/lib/intake/schema";
import type { IntakeStepId } from "@/lib/intake/steps";
import type { StepProps } from "./bind-step";

/** Keeps the step's place while its code arrives, so the buttons below do not jump. */
function StepLoading() {
  return (
    <p className="min-h-48 text-slate-700" role="status">
      Loading this step…
    </p>
  );
}

// One chunk per step: the link opens with the code of the step on screen only (docs/decisions/072).
const STEPS: { [K in IntakeStepId]: ComponentType<StepProps<K>> } = {
  contact: dynamic(() => import("./steps/contact-step").then((m) => m.ContactStep), { loading: StepLoading }),
  reason: dynamic(() => import("./steps/reason-step").then((m) => m.ReasonStep), { loading: StepLoading }),
  painMap: dynamic(() => import("./steps/pain-map-step").then((m) => m.PainMapStep), { loading: StepLoading }),
  history: dynamic(() => import("./steps/history-step").then((m) => m.HistoryStep), { loading: StepLoading }),
  factors: dynamic(() => import("./steps/factors-step").then((m) => m.FactorsStep), { loading: StepLoading }),
  treatments: dynamic(() => import("./steps/treatments-step").then((m) => m.TreatmentsStep), { loading: StepLoading }),
  redFlags: dynamic(() => import("./steps/red-flags-step").then((m) => m.RedFlagsStep), { loading: StepLoading }),
  odi: dynamic(() => import("./steps/odi-step").then((m) => m.OdiStep), { loading: StepLoading }),
  startBack: dynamic(() => import("./steps/start-back-step").then((m) => m.StartBackStep), { loading: StepLoading }),
  psfs: dynamic(() => import("./steps/psfs-step").then((m) => m.PsfsStep), { loading: StepLoading }),
  consent: dynamic(() => import("./steps/consent-step").then((m) => m.ConsentStep), { loading: StepLoading }),
};

/**
 * Fetches every step's code and the step checks once the patient starts
 * answering, so that moving on still works if the signal drops later.
 */
export function preloadSteps(): void {
  void Promise.allSettled([
    import("./steps/contact-step"),
    import("./steps/reason-step"),
    import("./steps/pain-map-step"),
    import("./steps/history-step"),
    import("./steps/factors-step"),
    import("./steps/treatments-step"),
    import("./steps/red-flags-step"),
    import("./steps/odi-step"),
    import("./steps/start-back-step"),
    import("./steps/psfs-step"),
    import("./steps/consent-step"),
    import("@/lib/intake/schema"),
  ]);
}

/** A step whose code could not be fetched (no network before it was ever loaded) explains itself instead of the error page. */
class StepLoadProblem extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert tone="warning" role="alert" title="This step could not open without a connection">
        <p>Your answers so far are kept on this device. Once you are back online, reload the page to carry on.</p>
        <button
          type="button"
          className="mt-2 min-h-11 font-semibold underline"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </Alert>
    );
  }
}

export function StepBody<K extends IntakeStepId>({
  step,
  answers,
  errors,
  update,
  psfsLocked,
}: {
  step: K;
  answers: DraftAnswers;
  errors: Record<string, string[]>;
  update: (key: K, patch: Partial<NonNullable<DraftAnswers[K]>>) => void;
  psfsLocked: boolean;
}): ReactNode {
  const Step = STEPS[step] as ComponentType<StepProps<K>>;
  return (
    <StepLoadProblem key={step}>
      <Step
        value={(answers[step] ?? {}) as NonNullable<DraftAnswers[K]>}
        onChange={(p) => update(step, p)}
        errors={errors}
        psfsLocked={psfsLocked}
      />
    </StepLoadProblem>
  );
}
