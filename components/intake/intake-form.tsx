"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/http/api-client";
import type { IntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { evaluateRedFlags } from "@/lib/intake/red-flag-rules";
import { CURRENT_RED_FLAG_RULESET } from "@/lib/intake/red-flags/current";
import type { DraftAnswers, FieldErrorMap } from "@/lib/intake/schema";
import { INTAKE_STEPS, STEP_TITLE, type IntakeStepId } from "@/lib/intake/steps";
import { EmergencyBanner } from "./emergency-banner";
import { SaveIndicator } from "./save-indicator";
import { preloadSteps, StepBody } from "./step-body";
import { clearBackup, DraftSaver, readBackup, type SaveState } from "./draft-saver";
import { intakeFillApi, messageOf, type IntakeAccess, type SubmittedIntake } from "./intake-fill-api";

// Shown only after sending, and only on the emailed link.
const AccountSetupForm = dynamic(() => import("./account-setup-form").then((m) => m.AccountSetupForm));

function errorsUnder(errors: FieldErrorMap, prefix: string): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  return out;
}

function newKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not. RFC 4122 version 4.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The step-by-step intake, for a link or the portal. Answers live here and
 * autosave to the server; Back and Next never lose anything; each step is
 * checked with the same schema the server uses when the patient moves on.
 */
export function IntakeForm({
  initial,
  access,
  mode,
}: {
  initial: IntakeForFilling;
  access: IntakeAccess;
  mode: "link" | "portal";
}) {
  const steps = INTAKE_STEPS[initial.kind];
  const [answers, setAnswers] = useState<DraftAnswers>(initial.answers);
  const [stepIndex, setStepIndex] = useState(() =>
    Math.max(0, initial.currentStep ? steps.indexOf(initial.currentStep) : 0),
  );
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [submitProblem, setSubmitProblem] = useState<{ message: string; steps: IntakeStepId[] } | null>(null);
  const [done, setDone] = useState<SubmittedIntake | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const submissionKey = useRef<string | null>(null);
  const step = steps[stepIndex]!;

  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [api] = useState(() => intakeFillApi(access));
  const [saver] = useState(
    () =>
      new DraftSaver({
        intakeId: initial.id,
        api,
        revision: initial.revision,
        onState: setSaveState,
        onReplaced: (fresh, message) => {
          setAnswers(fresh);
          setNotice(message);
        },
        onFieldErrors: (e) => setErrors((prev) => ({ ...prev, ...e })),
      }),
  );

  useEffect(() => {
    saver.start();
    // Answers typed on this device that never reached the server (closed tab, no network) come back.
    const backup = readBackup(initial.id);
    if (backup && backup.baseRevision === initial.revision) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- device state can only be read after hydration
      setAnswers(backup.answers);
      saver.change(backup.answers, backup.currentStep);
      setNotice("We restored answers you typed on this device that had not been saved yet.");
    } else if (backup) {
      // The server has newer answers from another device: they win.
      clearBackup(initial.id);
    }
    return () => saver.stop();
  }, [saver, initial.id, initial.revision]);

  const emergency =
    evaluateRedFlags(CURRENT_RED_FLAG_RULESET, { answers, ageYears: null }, { tiers: ["emergency"] }).length > 0;
  const wasEmergency = useRef(emergency);
  useEffect(() => {
    if (emergency && !wasEmergency.current) {
      window.scrollTo({ top: 0 });
      bannerRef.current?.focus();
    }
    wasEmergency.current = emergency;
  }, [emergency]);

  function update<K extends IntakeStepId>(key: K, patch: Partial<NonNullable<DraftAnswers[K]>>) {
    // Built from this render's answers (every update comes from a user event), so the saver sees exactly what is shown.
    const next = { ...answers, [key]: { ...(answers[key] ?? {}), ...patch } } as DraftAnswers;
    setAnswers(next);
    saver.change(next, step);
    // Fix-as-you-go: a field's error disappears once it is answered.
    setErrors((prev) => {
      const keys = Object.keys(patch).map((f) => `${key}.${f}`);
      return Object.fromEntries(
        Object.entries(prev).filter(([k]) => !keys.some((p) => k === p || k.startsWith(`${p}.`))),
      );
    });
  }

  const goTo = useCallback(
    (index: number, push = true) => {
      setStepIndex(index);
      setSubmitProblem(null);
      const nextStep = steps[index]!;
      saver.change(answers, nextStep);
      if (push) window.history.pushState({ step: index }, "", `#${nextStep}`);
      requestAnimationFrame(() => {
        window.scrollTo({ top: 0 });
        headingRef.current?.focus();
      });
    },
    [answers, saver, steps],
  );

  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const index = typeof e.state?.step === "number" ? e.state.step : 0;
      if (index >= 0 && index < steps.length) goTo(index, false);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [goTo, steps.length]);

  /** The step's answers against the server's own schema, loaded on first use (zod stays off the first load). */
  async function checkStep(): Promise<boolean> {
    let found: FieldErrorMap;
    try {
      const { validateStep } = await import("@/lib/intake/schema");
      found = validateStep(step, answers[step]);
    } catch {
      // The checks could not be fetched (no network): move on; sending checks every step again on the server.
      found = {};
    }
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return false;
    }
    return true;
  }

  const preloaded = useRef(false);
  const preloadOnce = () => {
    // Offline, a failed fetch could be remembered by the chunk loader: wait for a touch with a network.
    if (preloaded.current || !navigator.onLine) return;
    preloaded.current = true;
    preloadSteps();
  };

  const [sending, setSending] = useState(false);
  async function submit() {
    setSending(true);
    try {
      await saver.flush();
      submissionKey.current ??= newKey();
      const submitted = await api.submit(submissionKey.current);
      clearBackup(initial.id);
      setDone(submitted);
      window.scrollTo({ top: 0 });
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0) {
        const fieldErrors = error.fieldErrors;
        setErrors(fieldErrors);
        setSubmitProblem({
          message: messageOf(error, "We could not send your answers. Please try again."),
          steps: steps.filter((s) => Object.keys(fieldErrors).some((k) => k.startsWith(`${s}.`))),
        });
      } else {
        setSubmitProblem({ message: "We could not reach the clinic. Check your connection and try again.", steps: [] });
      }
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <Finished
        result={done}
        mode={mode}
        clinic={initial.clinic}
        emergency={emergency || done.emergency}
        email={answers.contact?.email ?? ""}
      />
    );
  }

  const stepErrors = errorsUnder(errors, step);
  const isLast = stepIndex === steps.length - 1;
  const errorList = Object.entries(stepErrors);

  return (
    // The patient's first touch fetches the remaining steps' code while the network is known to work.
    <div className="flex flex-col gap-5" onPointerDownCapture={preloadOnce} onKeyDownCapture={preloadOnce}>
      {emergency && <EmergencyBanner ref={bannerRef} clinicPhone={initial.clinic.phone} />}
      <div className="sticky top-0 z-10 -mx-4 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur sm:static sm:mx-0 sm:rounded-lg sm:border">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="text-sm font-semibold text-slate-800">
            Step {stepIndex + 1} of {steps.length}
          </p>
          <SaveIndicator state={saveState} />
        </div>
        <div className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div
            className="h-full rounded-full bg-brand-700"
            style={{ width: `${((stepIndex + 1) / steps.length) * 100}%` }}
          />
        </div>
      </div>

      {notice && (
        <Alert tone="info" role="status">
          {notice}
        </Alert>
      )}

      <section aria-labelledby="step-heading" className="flex flex-col gap-5">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900 outline-none">
          {STEP_TITLE[step]}
        </h2>

        {(errorList.length > 0 || submitProblem) && (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-950 outline-none"
          >
            <p className="font-bold">{submitProblem?.message ?? "A few answers need another look:"}</p>
            {errorList.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {errorList.slice(0, 8).map(([k, v]) => (
                  <li key={k}>{v[0]}</li>
                ))}
              </ul>
            )}
            {submitProblem && submitProblem.steps.length > 0 && (
              <ul className="mt-2 flex flex-wrap gap-2">
                {submitProblem.steps.map((s) => (
                  <li key={s}>
                    <button
                      type="button"
                      className="min-h-11 rounded-lg border border-red-800 bg-white px-3 font-semibold underline"
                      onClick={() => goTo(steps.indexOf(s))}
                    >
                      Go to: {STEP_TITLE[s]}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <StepBody
          step={step}
          answers={answers}
          errors={stepErrors}
          update={update}
          psfsLocked={initial.psfsActivities.length > 0}
        />
      </section>

      <nav
        aria-label="Intake steps"
        className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4"
      >
        {stepIndex > 0 ? (
          <Button variant="secondary" onClick={() => goTo(stepIndex - 1)}>
            ← Back
          </Button>
        ) : (
          <span />
        )}
        {isLast ? (
          <Button
            onClick={() => {
              void checkStep().then((ok) => ok && void submit());
            }}
            disabled={sending || saveState.kind === "gone"}
          >
            {sending ? "Sending…" : "Send to the clinic"}
          </Button>
        ) : (
          <Button
            onClick={() => {
              void checkStep().then((ok) => ok && goTo(stepIndex + 1));
            }}
          >
            Next →
          </Button>
        )}
      </nav>
    </div>
  );
}

function Finished({
  result,
  mode,
  clinic,
  emergency,
  email,
}: {
  result: SubmittedIntake;
  mode: "link" | "portal";
  clinic: { name: string; phone: string };
  emergency: boolean;
  email: string;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="flex flex-col gap-5">
      {emergency && <EmergencyBanner clinicPhone={clinic.phone} />}
      <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold outline-none">
        Thank you — your answers are with {clinic.name}
      </h2>
      <p>
        Your therapist will read them before your visit. If anything changes or gets worse before then, call us at{" "}
        <a className="font-semibold text-brand-800 underline" href={`tel:${clinic.phone}`}>
          {clinic.phone}
        </a>
        .
      </p>
      {/* Plain links: the intake page ships no client-router link code for two links at the very end. */}
      {mode === "portal" ? (
        <a href="/portal" className="font-semibold text-brand-800 underline">
          Back to My care
        </a>
      ) : result.accountSetupToken ? (
        <AccountSetupForm setupToken={result.accountSetupToken} defaultEmail={email} />
      ) : (
        <p>
          You can see your care at any time in the patient portal.{" "}
          <a href="/sign-in" className="font-semibold text-brand-800 underline">
            Sign in
          </a>
        </p>
      )}
    </div>
  );
}
