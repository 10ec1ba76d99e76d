"use client";

import { useState, useTransition } from "react";
import { simulateTextReplyAction } from "@/app/(staff)/clinic/admin/text-replies/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Stands in for a patient's phone: the reply goes through the same handling as the provider's webhook. */
export function SimulateReplyForm() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<
    { ok: true; outcome: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null
  >(null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(async () => {
          const r = await simulateTextReplyAction({ from: form.get("from"), body: form.get("body") });
          setResult(r.ok ? { ok: true, outcome: r.data.outcome } : r);
        });
      }}
    >
      <TextField
        label="From (phone number)"
        name="from"
        type="tel"
        autoComplete="off"
        placeholder="+15551234567"
        hint="A patient's number in E.164 form, as stored on their record."
        errors={errors?.from}
        required
      />
      <TextField label="Reply" name="body" autoComplete="off" placeholder="C" errors={errors?.body} required />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send reply"}
        </Button>
      </div>
      <div aria-live="polite">
        {result?.ok && <Alert tone="success">Received: {outcomeLabel(result.outcome)}.</Alert>}
        {result && !result.ok && <Alert tone="danger">{result.message}</Alert>}
      </div>
    </form>
  );
}

const OUTCOME_LABEL: Record<string, string> = {
  opted_out: "opted out of texts",
  opted_in: "opted in to texts again",
  helped: "help sent",
  confirmed: "visit confirmed",
  cancelled: "visit cancelled",
  call_back: "call-back task for the front desk",
  no_visit: "no upcoming visit",
  unrecognised: "not understood, options sent",
  unknown_sender: "unknown number, ignored",
  received: "received",
  duplicate: "already received",
};

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABEL[outcome] ?? outcome;
}
