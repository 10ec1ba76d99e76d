"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ApiError } from "@/lib/http/api-client";
import {
  bookingApi,
  dateLabel,
  newIdempotencyKey,
  seriesConflictsOf,
  timeLabel,
  type CalendarData,
  type SeriesBody,
} from "./booking-api";
import { PatientPicker, type PickedPatient } from "./patient-picker";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "2 x week for 6 weeks, Mon/Thu 9:00 with therapist X": every date or none, conflicts listed with alternatives. */
export function SeriesForm({ data, onDone }: { data: CalendarData; onDone: (m: string) => void }) {
  const queryClient = useQueryClient();
  const tz = data.timeZone;
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [weekdays, setWeekdays] = useState<number[]>([1, 4]);
  const [key, setKey] = useState(newIdempotencyKey);
  const types = data.appointmentTypes.filter((t) => t.active);
  const series = useMutation({
    mutationFn: (body: SeriesBody) => bookingApi.bookSeries({ body, headers: { "Idempotency-Key": key } }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ["calendar"] });
      onDone(`Booked ${r.appointments.length} appointments for ${patient?.firstName} ${patient?.lastName}.`);
    },
    onError: () => setKey(newIdempotencyKey()),
  });
  const err = series.error instanceof ApiError ? series.error : null;
  const fe = err?.fieldErrors ?? {};
  const conflicts = seriesConflictsOf(err);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => String(f.get(name) ?? "");
    series.mutate({
      // Missing answers go to the server as blanks, which answers with a message beside each field.
      patientId: patient?.id ?? "",
      therapistId: text("therapistId"),
      appointmentTypeId: text("appointmentTypeId"),
      firstDate: text("firstDate"),
      time: text("time"),
      weeks: text("weeks"),
      weekdays,
    });
  }
  const nameOf = (id: string) => data.therapists.find((t) => t.id === id)?.name ?? "another therapist";
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Book a series">
      {err && (
        <Alert tone="danger" role="alert" title={err.message}>
          {conflicts.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {conflicts.map((c) => (
                <li key={c.date}>
                  <span className="font-semibold">{dateLabel(`${c.date}T12:00:00Z`, "UTC")}</span>: {c.reason}
                  {c.alternatives.length > 0 && (
                    <>
                      {" "}
                      Free then:{" "}
                      {c.alternatives.map((a) => `${timeLabel(a.start, tz)} (${nameOf(a.therapistId)})`).join(", ")}.
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <PatientPicker value={patient} onChange={setPatient} error={fe.patientId?.join(" ")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Therapist" name="therapistId" errors={fe.therapistId}>
          {data.therapists.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Appointment type" name="appointmentTypeId" errors={fe.appointmentTypeId}>
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.durationMinutes} min)
            </option>
          ))}
        </SelectField>
        <TextField label="First date" name="firstDate" type="date" defaultValue={data.from} errors={fe.firstDate} />
        <TextField
          label={`Time (${tz.replaceAll("_", " ")})`}
          name="time"
          type="time"
          defaultValue="09:00"
          step={300}
          errors={fe.time}
        />
        <TextField
          label="Number of weeks"
          name="weeks"
          type="number"
          min={1}
          max={26}
          defaultValue={6}
          errors={fe.weeks}
        />
      </div>
      <fieldset>
        <legend className="font-medium">Days of the week</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {WEEKDAYS.map((label, i) => (
            <label key={label} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                className="size-5"
                checked={weekdays.includes(i + 1)}
                onChange={(e) => setWeekdays((w) => (e.target.checked ? [...w, i + 1] : w.filter((d) => d !== i + 1)))}
              />
              {label}
            </label>
          ))}
        </div>
        {fe.weekdays && <p className="text-sm font-medium text-red-700">{fe.weekdays.join(" ")}</p>}
      </fieldset>
      <Button type="submit" disabled={series.isPending}>
        {series.isPending ? "Checking every date…" : "Book the series"}
      </Button>
    </form>
  );
}
