"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, RadioGroup, SelectField, TextArea, TextField } from "@/components/ui/field";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { ANY_THERAPIST, hhmm, MAX_NOTE_LENGTH, WEEKDAY_NAMES, WINDOW_PRESETS } from "@/lib/waitlist/entry-rules";
import { waitlistApi, type WaitlistEntryView } from "./waitlist-api";

type Named = { id: string; name: string };

type EntryValues = {
  patientId: string;
  appointmentTypeId: string;
  therapistId: string;
  weekdays: string[];
  /** Preset keys, and "custom" for the two time fields. */
  windows: string[];
  customStart: string;
  customEnd: string;
  earliestDate: string;
  latestDate: string;
  priority: "routine" | "urgent";
  note: string;
};

const CUSTOM = "custom";
const WEEKDAY_OPTIONS = WEEKDAY_NAMES.map((label, i) => ({ value: String(i + 1), label }));
const WINDOW_OPTIONS = [
  ...WINDOW_PRESETS.map((p) => ({ value: p.key, label: p.label })),
  { value: CUSTOM, label: "Another time (enter it below)" },
];

/** The windows the API takes, from the ticked presets and the custom times. */
function windowsOf(values: EntryValues): Array<{ start: string; end: string }> {
  const chosen = new Set(values.windows);
  const out = WINDOW_PRESETS.filter((p) => chosen.has(p.key)).map((p) => ({
    start: hhmm(p.startMinute),
    end: hhmm(p.endMinute),
  }));
  if (chosen.has(CUSTOM)) out.push({ start: values.customStart, end: values.customEnd });
  return out;
}

/**
 * Adding a waitlist entry, for the front desk (with a patient picker, and a
 * priority for clinicians) and for a patient in the portal. The server checks
 * everything (dates against the clinic's today and booking window); its field
 * errors come back beside the same fields.
 */
export function WaitlistEntryForm({
  appointmentTypes,
  therapists,
  today,
  lastBookableDate,
  canPrioritize = false,
  patientField,
  onAdded,
}: {
  appointmentTypes: Named[];
  therapists: Named[];
  /** Today in the clinic's zone, and the last date its booking window reaches (the date fields' bounds). */
  today: string;
  lastBookableDate: string;
  canPrioritize?: boolean;
  /** Staff: renders the patient picker; its choice is sent as patientId. Patients add themselves. */
  patientField?: (p: { error?: string; onPick: (id: string) => void }) => ReactNode;
  onAdded: (entry: WaitlistEntryView) => void;
}) {
  const fourWeeks = new Date(Date.parse(`${today}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);
  const [added, setAdded] = useState<string | null>(null);
  const { form, onSubmit, pending, formError, hasFieldErrors, field, errorsOf } = useServerForm<
    EntryValues,
    WaitlistEntryView
  >({
    defaultValues: {
      patientId: "",
      appointmentTypeId: appointmentTypes[0]?.id ?? "",
      therapistId: ANY_THERAPIST,
      weekdays: ["1", "2", "3", "4", "5"],
      windows: [],
      customStart: "",
      customEnd: "",
      earliestDate: today,
      latestDate: fourWeeks < lastBookableDate ? fourWeeks : lastBookableDate,
      priority: "routine",
      note: "",
    },
    submit: (values) => {
      setAdded(null);
      return settle(
        waitlistApi
          .addEntry({
            body: {
              ...(patientField ? { patientId: values.patientId || undefined } : {}),
              appointmentTypeId: values.appointmentTypeId,
              therapistId: values.therapistId,
              weekdays: values.weekdays.map(Number),
              windows: windowsOf(values),
              earliestDate: values.earliestDate,
              latestDate: values.latestDate,
              ...(canPrioritize ? { priority: values.priority } : {}),
              note: values.note,
            },
          })
          .then((r) => r.entry),
      );
    },
    onSuccess: (entry) => {
      // Staff pages start a fresh form for the next patient and say what was added themselves.
      if (!patientField)
        setAdded(
          `You are on the waitlist for ${entry.appointmentType.name}. We will contact you when a time frees up.`,
        );
      form.setValue("note", "");
      onAdded(entry);
    },
  });
  const custom = form.watch("windows")?.includes(CUSTOM);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Add to the waitlist">
      {added && (
        <Alert tone="success" role="status">
          {added}
        </Alert>
      )}
      {formError && (
        <Alert tone="danger" role="alert">
          {hasFieldErrors ? "Some answers need another look: see the messages beside them." : formError}
        </Alert>
      )}
      {patientField?.({
        error: errorsOf("patientId")?.join(" "),
        onPick: (id) => form.setValue("patientId", id, { shouldValidate: false }),
      })}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Kind of visit" {...field("appointmentTypeId")}>
          {appointmentTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Therapist" {...field("therapistId")}>
          <option value={ANY_THERAPIST}>Any therapist</option>
          {therapists.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxGroup legend="Days" inline options={WEEKDAY_OPTIONS} {...field("weekdays")} />
      <CheckboxGroup
        legend="Times of day"
        hint="Tick every time that could work. Times are the clinic's."
        options={WINDOW_OPTIONS}
        {...field("windows")}
      />
      {custom && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="From" type="time" step={900} {...field("customStart")} />
          <TextField label="Until" type="time" step={900} {...field("customEnd")} />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Earliest date" type="date" min={today} max={lastBookableDate} {...field("earliestDate")} />
        <TextField label="Latest date" type="date" min={today} max={lastBookableDate} {...field("latestDate")} />
      </div>
      {canPrioritize && (
        <RadioGroup
          legend="Priority"
          hint="Urgent entries are offered freed times first."
          inline
          options={[
            { value: "routine", label: "Routine" },
            { value: "urgent", label: "Urgent" },
          ]}
          {...field("priority")}
        />
      )}
      <TextArea label="Note (optional)" rows={2} maxLength={MAX_NOTE_LENGTH} {...field("note")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : patientField ? "Add to waitlist" : "Join the waitlist"}
        </Button>
      </div>
    </form>
  );
}
