"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveEpisodeSettingsAction } from "@/app/(staff)/clinic/admin/booking/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { EPISODE_SETTING_LIMITS as LIMITS, type EpisodeSettingsValues } from "@/lib/episodes/episode-settings-rules";

/** When an episode's re-evaluation is due: every N counted visits or D days, whichever comes first. */
export function EpisodeSettingsForm({ settings }: { settings: EpisodeSettingsValues }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { onSubmit, pending, formError, field } = useServerForm<EpisodeSettingsValues>({
    defaultValues: settings,
    submit: (values) => {
      setSaved(false);
      return saveEpisodeSettingsAction(values);
    },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Episodes of care" className="grid gap-4 sm:grid-cols-2">
      {(saved || formError) && (
        <div className="sm:col-span-2">
          {formError ? (
            <Alert tone="danger" role="alert">
              {formError}
            </Alert>
          ) : (
            <Alert tone="success" role="status">
              Re-evaluation rule saved.
            </Alert>
          )}
        </div>
      )}
      <p className="text-sm text-slate-700 sm:col-span-2">
        An episode of care shows &ldquo;re-evaluation due&rdquo; on the follow-up list after this many counted visits or
        days since its start or last re-evaluation, whichever comes first.
      </p>
      <TextField
        label="Re-evaluate every (visits)"
        type="number"
        min={LIMITS.reevalEveryVisits.min}
        max={LIMITS.reevalEveryVisits.max}
        {...field("reevalEveryVisits")}
      />
      <TextField
        label="Re-evaluate every (days)"
        type="number"
        min={LIMITS.reevalEveryDays.min}
        max={LIMITS.reevalEveryDays.max}
        {...field("reevalEveryDays")}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save re-evaluation rule"}
        </Button>
      </div>
    </form>
  );
}
