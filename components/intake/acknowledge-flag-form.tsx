"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/http/api-client";
import { intakeApi } from "./intake-api";

/** A clinician clears a red flag with a note of what they did. */
export function AcknowledgeFlagForm({ flagId, label }: { flagId: string; label: string }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    startTransition(async () => {
      try {
        await intakeApi.acknowledgeFlag({ params: { flagId }, body: { note } });
      } catch (e) {
        setError(e instanceof ApiError ? (e.fieldErrors.note?.[0] ?? e.message) : "Could not acknowledge the flag.");
        return;
      }
      setError(null);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="no-print mt-2 flex flex-col gap-2 sm:flex-row sm:items-start" noValidate>
      <div className="flex flex-1 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Note for “{label}”
        </label>
        <input
          id={id}
          name="note"
          required
          placeholder="What you did, e.g. called patient, advised ED"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3"
        />
        {error && (
          <p id={`${id}-error`} className="text-sm font-semibold text-red-700">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {pending ? "Saving…" : "Acknowledge"}
      </Button>
    </form>
  );
}
