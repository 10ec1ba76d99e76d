"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";

import { ApiError } from "@/lib/http/api-client";
import { patientsApi } from "./patients-api";

type Outcome = { tone: "success" | "danger"; title: string; text: string };

async function postStatus(patientId: string, body: { active: boolean; reason?: string }) {
  try {
    const { upcomingVisits } = await patientsApi.setActive({ params: { patientId }, body });
    return { ok: true as const, upcomingVisits };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { ok: false as const, message: e.fieldErrors.reason?.[0] ?? e.message };
  }
}

/**
 * Active or inactive, with the switch between them. Marking inactive keeps
 * every record and leaves booked visits alone (it says how many there are, so
 * the clinic can cancel them if they should not go ahead).
 */
export function PatientStatusCard({
  patientId,
  active,
  inactiveSinceText,
  inactiveReason,
  canChange,
}: {
  patientId: string;
  active: boolean;
  inactiveSinceText: string | null;
  inactiveReason: string | null;
  canChange: boolean;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function change(body: { active: boolean; reason?: string }) {
    setPending(true);
    const result = await postStatus(patientId, body);
    setPending(false);
    if (!result.ok) {
      setOutcome({ tone: "danger", title: "Not changed", text: result.message });
      return;
    }
    setConfirming(false);
    const visits = result.upcomingVisits;
    setOutcome(
      body.active
        ? { tone: "success", title: "Marked active", text: "The patient can be booked again and shows in searches." }
        : {
            tone: "success",
            title: "Marked inactive",
            text:
              visits > 0
                ? `${visits} upcoming visit${visits === 1 ? " is" : "s are"} still booked: cancel ${visits === 1 ? "it" : "them"} in the calendar if ${visits === 1 ? "it" : "they"} should not go ahead.`
                : "No upcoming visits are booked.",
          },
    );
    router.refresh();
  }

  function onDeactivate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    void change({ active: false, reason });
  }

  return (
    <Card title="Patient status">
      <div className="flex flex-col gap-3" data-testid="patient-status">
        {outcome && (
          <Alert tone={outcome.tone} role={outcome.tone === "danger" ? "alert" : "status"} title={outcome.title}>
            {outcome.text}
          </Alert>
        )}
        {active ? (
          <p>Active: shows in searches and can be booked.</p>
        ) : (
          <p>
            <span className="font-semibold">Inactive</span>
            {inactiveSinceText ? ` since ${inactiveSinceText}` : ""}
            {inactiveReason ? `: ${inactiveReason}` : ""}. Their history stays; they cannot be booked and are left out
            of searches unless asked for.
          </p>
        )}
        {canChange &&
          (active ? (
            confirming ? (
              <form onSubmit={onDeactivate} noValidate className="flex flex-col gap-3">
                <TextField
                  label="Reason (optional)"
                  name="reason"
                  hint="For example: discharged, moved away. Staff see it on this page."
                  autoComplete="off"
                  maxLength={500}
                />
                <div className="flex flex-wrap gap-3">
                  <Button type="submit" variant="danger" disabled={pending}>
                    {pending ? "Saving…" : "Confirm: mark inactive"}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(false)}>
                    Cancel
                  </Button>
                </div>
              </form>
            ) : (
              <div>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setOutcome(null);
                    setConfirming(true);
                  }}
                >
                  Mark inactive
                </Button>
              </div>
            )
          ) : (
            <div>
              <Button variant="secondary" disabled={pending} onClick={() => void change({ active: true })}>
                {pending ? "Saving…" : "Mark active again"}
              </Button>
            </div>
          ))}
      </div>
    </Card>
  );
}
