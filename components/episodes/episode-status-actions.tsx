"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { DISCHARGE_REASON_LABEL, DISCHARGE_REASONS, episodeStatusChangeSchema } from "@/lib/episodes/schema";
import { episodeApi, type EpisodeViewWire } from "./episode-api";

type DischargeValues = { action: "discharge"; reason: string; note: string; date: string };

/** Hold, resume, "re-evaluated today", and discharge (a dialog asking why). */
export function EpisodeStatusActions({ episode, today }: { episode: EpisodeViewWire; today: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [discharging, setDischarging] = useState(false);
  if (episode.status === "discharged") return null;

  const change = async (action: "hold" | "resume" | "reevaluated", done: string) => {
    setBusy(true);
    setMessage(null);
    const outcome = await settle(episodeApi.changeStatus({ params: { episodeId: episode.id }, body: { action } }));
    setBusy(false);
    setMessage(outcome.ok ? { tone: "success", text: done } : { tone: "danger", text: outcome.message });
    router.refresh();
  };

  return (
    <div className="grid gap-3">
      {message && (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        {episode.status === "active" ? (
          <Button variant="secondary" disabled={busy} onClick={() => void change("hold", "The episode is on hold.")}>
            Put on hold
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => void change("resume", "The episode is active again.")}
          >
            Resume
          </Button>
        )}
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void change("reevaluated", "Re-evaluation recorded for today.")}
        >
          Re-evaluated today
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => (setDischarging(true), setMessage(null))}>
          Discharge
        </Button>
      </div>
      <Modal open={discharging} title="Discharge from this episode" onClose={() => setDischarging(false)}>
        <DischargeForm
          episodeId={episode.id}
          today={today}
          onDone={() => {
            setDischarging(false);
            setMessage({ tone: "success", text: "The patient is discharged from this episode." });
            router.refresh();
          }}
          onCancel={() => setDischarging(false)}
        />
      </Modal>
    </div>
  );
}

function DischargeForm({
  episodeId,
  today,
  onDone,
  onCancel,
}: {
  episodeId: string;
  today: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { onSubmit, pending, field, formError, hasFieldErrors } = useServerForm<DischargeValues, unknown>({
    defaultValues: { action: "discharge", reason: "", note: "", date: today },
    schema: episodeStatusChangeSchema,
    submit: (values) => settle(episodeApi.changeStatus({ params: { episodeId }, body: values as never })),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Discharge" className="grid gap-4">
      {formError && !hasFieldErrors && (
        <Alert tone="danger" role="alert" title="Not discharged">
          {formError}
        </Alert>
      )}
      <SelectField label="Reason" required {...field("reason")}>
        <option value="">Choose a reason</option>
        {DISCHARGE_REASONS.map((r) => (
          <option key={r} value={r}>
            {DISCHARGE_REASON_LABEL[r]}
          </option>
        ))}
      </SelectField>
      <TextField label="Discharge date" type="date" required max={today} {...field("date")} />
      <TextArea label="Note (optional)" rows={3} maxLength={1000} {...field("note")} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Discharging…" : "Discharge"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
