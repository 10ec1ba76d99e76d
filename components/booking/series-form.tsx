"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { proposeSeries } from "@/lib/episodes/series-proposal-rules";
import { ApiError } from "@/lib/http/api-client";
import { formatDayMonthYear } from "@/lib/time/format";
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

type Proposal = ReturnType<typeof proposeSeries> & { note: string };

/**
 * "2 x week for 6 weeks, Mon/Thu 9:00 with therapist X": every date or none, conflicts listed with alternatives.
 * For a patient in an episode the form proposes the remaining visits at the plan's frequency (decision 093).
 */
export function SeriesForm({ data, onDone }: { data: CalendarData; onDone: (m: string) => void }) {
  const queryClient = useQueryClient();
  const tz = data.timeZone;
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [weekdays, setWeekdays] = useState<number[]>([1, 4]);
  const [firstDate, setFirstDate] = useState(data.from);
  const [weeks, setWeeks] = useState("6");
  const [count, setCount] = useState("");
  const [reason, setReason] = useState("");
  const [proposal, setProposal] = useState<Proposal | null>(null);
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
  /** Fetched on picking (not in an effect), so the proposal fills the form once and the user's edits stand. */
  async function pick(p: PickedPatient | null) {
    setPatient(p);
    setProposal(null);
    if (!p) return;
    const { standing } = await queryClient
      .fetchQuery({
        queryKey: ["episode-standing", p.id, firstDate],
        queryFn: () => bookingApi.episodeStanding({ params: { patientId: p.id }, query: { date: firstDate } }),
      })
      .catch(() => ({ standing: null }));
    if (!standing) return;
    const next = proposeSeries(standing, firstDate);
    const left =
      standing.authorizedVisitsRemaining === null
        ? `${standing.plannedVisitsRemaining} planned visits remain (no authorisation recorded)`
        : `${standing.authorizedVisitsRemaining} authorised visits remain`;
    setProposal({
      ...next,
      note: `Plan of care: ${standing.visitsPerWeek} a week until ${formatDayMonthYear(standing.plannedEndDate)}; ${left}. Proposed: ${next.count} visits${next.lastDate ? `, the last on ${formatDayMonthYear(next.lastDate)}` : ""}.`,
    });
    if (next.count > 0) {
      setWeekdays(next.weekdays);
      setWeeks(String(next.weeks));
      setCount(String(next.count));
    }
  }
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => String(f.get(name) ?? "");
    series.mutate({
      // Missing answers go to the server as blanks, which answers with a message beside each field.
      patientId: patient?.id ?? "",
      therapistId: text("therapistId"),
      appointmentTypeId: text("appointmentTypeId"),
      firstDate,
      time: text("time"),
      weeks,
      weekdays,
      ...(count.trim() && { count: count.trim() }),
      ...(reason.trim() && { overAuthorizationReason: reason.trim() }),
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
      <PatientPicker value={patient} onChange={(p) => void pick(p)} error={fe.patientId?.join(" ")} />
      <div aria-live="polite">
        {proposal && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">{proposal.note}</p>}
      </div>
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
        <TextField
          label="First date"
          name="firstDate"
          type="date"
          value={firstDate}
          onChange={(e) => setFirstDate(e.target.value)}
          errors={fe.firstDate}
        />
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
          value={weeks}
          onChange={(e) => setWeeks(e.target.value)}
          errors={fe.weeks}
        />
        <TextField
          label="Number of visits"
          name="count"
          type="number"
          min={1}
          max={182}
          hint="Leave blank to book every date in those weeks."
          value={count}
          onChange={(e) => setCount(e.target.value)}
          errors={fe.count}
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
      {fe.overAuthorizationReason && (
        <TextArea
          label="Reason for booking past the authorisation"
          required
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={fe.overAuthorizationReason}
        />
      )}
      <Button type="submit" disabled={series.isPending}>
        {series.isPending ? "Checking every date…" : "Book the series"}
      </Button>
    </form>
  );
}
