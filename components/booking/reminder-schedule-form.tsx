"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { saveReminderScheduleAction } from "@/app/(staff)/clinic/admin/booking/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { MAX_REMINDER_HOURS, MAX_REMINDER_RULES, type ReminderRule } from "@/lib/booking/reminder-rules";
import { reminderScheduleSchema } from "@/lib/booking/schema";

type Values = { rules: Array<{ channel: "email" | "sms"; hoursBefore: number | string }> };

/**
 * The clinic's reminder schedule: one row per reminder (channel, hours
 * before), added and removed in place. The server's errors for a row
 * ("rules.1.hoursBefore") go beside that row's field.
 */
export function ReminderScheduleForm({ rules, isDefault }: { rules: ReminderRule[]; isDefault: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, pending, formError, field, errorsOf } = useServerForm<Values>({
    defaultValues: { rules },
    schema: reminderScheduleSchema,
    submit: (values) => {
      setSaved(false);
      return saveReminderScheduleAction(values);
    },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const rows = useFieldArray({ control: form.control, name: "rules" });
  const listError = form.formState.errors.rules?.root?.message ?? form.formState.errors.rules?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Reminder schedule" className="flex flex-col gap-3">
      {saved && (
        <Alert tone="success" role="status">
          Reminder schedule saved.
        </Alert>
      )}
      {formError && (
        <Alert tone="danger" role="alert">
          {formError}
        </Alert>
      )}
      <p className="text-sm text-slate-700">
        {isDefault
          ? "This clinic uses the default schedule: an email 48 hours and a text 2 hours before each visit. Saving makes it your own."
          : "Each reminder goes once per visit time; a moved visit gets them again."}{" "}
        Texts go only to patients who agreed to them, and wait out the night (21:00–08:00) unless the visit is within 3
        hours.
      </p>
      <ol className="flex flex-col gap-3">
        {rows.fields.map((row, i) => (
          <li
            key={row.id}
            className="grid items-end gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto]"
          >
            <SelectField label={`Reminder ${i + 1}: channel`} {...field(`rules.${i}.channel`)}>
              <option value="email">Email</option>
              <option value="sms">Text message</option>
            </SelectField>
            <TextField
              label={`Reminder ${i + 1}: hours before the visit`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_REMINDER_HOURS}
              {...field(`rules.${i}.hoursBefore`)}
              errors={errorsOf(`rules.${i}.hoursBefore`)}
            />
            <Button
              type="button"
              variant="ghost"
              onClick={() => rows.remove(i)}
              disabled={rows.fields.length <= 1}
              aria-label={`Remove reminder ${i + 1}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {listError && <p className="text-sm font-medium text-red-700">{listError}</p>}
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={rows.fields.length >= MAX_REMINDER_RULES}
          onClick={() => rows.append({ channel: "email", hoursBefore: 24 })}
        >
          Add a reminder
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save reminder schedule"}
        </Button>
      </div>
      {rows.fields.length >= MAX_REMINDER_RULES && (
        <p className="text-sm text-slate-700">A clinic can have at most {MAX_REMINDER_RULES} reminders.</p>
      )}
    </form>
  );
}
