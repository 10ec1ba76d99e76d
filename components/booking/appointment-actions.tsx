"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea } from "@/components/ui/field";
import {
  STATUS_ACTIONS,
  STATUS_ACTION_NAMES,
  appointmentLabel,
  canApply,
  isChangeable,
  statusActionTimingError,
  type StatusAction,
} from "@/lib/booking/status-rules";
import { ApiError } from "@/lib/http/api-client";
import { formatDayMonthYear } from "@/lib/time/format";
import {
  bookingApi,
  dateLabel,
  localDate,
  timeLabel,
  type CalendarAppointment,
  type CalendarData,
} from "./booking-api";
import { useMoveAppointment } from "./use-move-appointment";

/** Details and every action on one appointment, all usable from the keyboard (the drag's equivalent is "Move"). */
export function AppointmentActions({
  appointment: a,
  data,
  now,
  canManage,
  onDone,
}: {
  appointment: CalendarAppointment;
  data: CalendarData;
  /** Therapists read the schedule; only the front desk and admins act on it. */
  canManage: boolean;
  /** When the calendar was last loaded: render stays pure. */
  now: number;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "move" | "cancel">("view");
  const tz = data.timeZone;
  const type = data.appointmentTypes.find((t) => t.id === a.appointmentTypeId);
  const therapist = data.therapists.find((t) => t.id === a.therapistId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["calendar"] });
  const status = useMutation({
    mutationFn: (action: StatusAction) =>
      bookingApi.status({ params: { appointmentId: a.id }, body: { expectedVersion: a.version, action } }),
    onSuccess: (_r, action) => {
      void refresh();
      onDone(`${STATUS_ACTIONS[action].label}: ${a.patient.name}.`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void refresh();
    },
  });
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Patient</dt>
        <dd className="font-medium">
          {a.patient.name}
          {a.patient.phone ? <span className="font-normal text-slate-700"> · {a.patient.phone}</span> : null}
        </dd>
        <dt className="text-slate-600">When</dt>
        <dd>
          {dateLabel(a.startsAt, tz)}, {timeLabel(a.startsAt, tz)}–{timeLabel(a.endsAt, tz, true)}
        </dd>
        <dt className="text-slate-600">Type</dt>
        <dd>{type?.name ?? "—"}</dd>
        <dt className="text-slate-600">Therapist</dt>
        <dd>{therapist?.name ?? "—"}</dd>
        <dt className="text-slate-600">Status</dt>
        <dd>
          {appointmentLabel(a.status, a.confirmedAt)}
          {a.lateCancellation ? " (late cancellation)" : ""}
          {a.cancelReason ? ` — ${a.cancelReason}` : ""}
        </dd>
        <dt className="text-slate-600">Intake</dt>
        <dd>{a.intake === "done" ? "Done" : a.intake === "not_done" ? "Not done yet" : "Unknown"}</dd>
        {a.emergencyRedFlag && (
          <>
            <dt className="text-slate-600">Alert</dt>
            <dd className="font-semibold text-red-800">Emergency red flag awaiting a clinician</dd>
          </>
        )}
        {a.episodeVisit && (
          <>
            <dt className="text-slate-600">Authorisation</dt>
            {a.episodeVisit.kind === "within" ? (
              <dd>{episodeVisitLabel(a.episodeVisit)}</dd>
            ) : (
              <dd className="font-semibold text-amber-900">
                Beyond authorisation{a.episodeVisit.reason ? `: ${a.episodeVisit.reason}` : ""}
              </dd>
            )}
          </>
        )}
        {a.seriesId && (
          <>
            <dt className="text-slate-600">Series</dt>
            <dd>Part of a plan-of-care series (changes apply to this visit only)</dd>
          </>
        )}
      </dl>
      {status.error && (
        <Alert tone="danger" role="alert">
          {status.error.message}
        </Alert>
      )}
      {mode === "view" && canManage && (
        <div className="flex flex-wrap gap-2">
          {STATUS_ACTION_NAMES.filter(
            (action) => canApply(action, a.status) && !statusActionTimingError(action, Date.parse(a.startsAt), now),
          ).map((action) => (
            <Button key={action} variant="secondary" disabled={status.isPending} onClick={() => status.mutate(action)}>
              {STATUS_ACTIONS[action].label}
            </Button>
          ))}
          {isChangeable(a.status) && (
            <>
              <Button variant="secondary" onClick={() => setMode("move")}>
                Move…
              </Button>
              <Button variant="danger" onClick={() => setMode("cancel")}>
                Cancel appointment…
              </Button>
            </>
          )}
        </div>
      )}
      {mode === "move" && <MoveForm appointment={a} data={data} onDone={onDone} onBack={() => setMode("view")} />}
      {mode === "cancel" && <CancelForm appointment={a} onDone={onDone} onBack={() => setMode("view")} />}
    </div>
  );
}

function MoveForm({
  appointment: a,
  data,
  onDone,
  onBack,
}: {
  appointment: CalendarAppointment;
  data: CalendarData;
  onDone: (m: string) => void;
  onBack: () => void;
}) {
  const tz = data.timeZone;
  const [date, setDate] = useState(localDate(a.startsAt, tz));
  const [therapistId, setTherapistId] = useState(a.therapistId);
  const [start, setStart] = useState("");
  const [reason, setReason] = useState("");
  const dateId = useId();
  const slots = useQuery({
    queryKey: ["slots", a.appointmentTypeId, therapistId, date, a.patientId],
    queryFn: () =>
      bookingApi.slots({
        query: { appointmentTypeId: a.appointmentTypeId, therapistId, from: date, to: date, patientId: a.patientId },
      }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const move = useMoveAppointment();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!start) return;
    // The calendar behind the dialog draws the visit at its new time at once; the dialog stays
    // open until the server answers, as a refusal (a time just taken, a reason needed) is shown here.
    move.mutate(
      { appointment: a, therapistId, start: Date.parse(start), overAuthorizationReason: reason.trim() || undefined },
      {
        onSuccess: () =>
          onDone(`Moved ${a.patient.name} to ${dateLabel(start, tz, "short")} at ${timeLabel(start, tz)}.`),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) void slots.refetch();
        },
      },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Move appointment">
      {move.error && (
        <Alert tone="danger" role="alert">
          {move.error.message}
        </Alert>
      )}
      <p role="status" className={move.isPending ? "text-sm text-slate-800" : "sr-only"}>
        {move.isPending && start
          ? `Moving to ${dateLabel(start, tz, "short")} at ${timeLabel(start, tz)}: shown on the calendar, waiting for the server…`
          : ""}
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={dateId} className="font-medium">
          New date
        </label>
        <input
          id={dateId}
          type="date"
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            setStart("");
          }}
          className="min-h-11 rounded-lg border border-slate-400 px-3"
        />
      </div>
      <SelectField
        label="Therapist"
        value={therapistId}
        onChange={(e) => {
          setTherapistId(e.target.value);
          setStart("");
        }}
      >
        {data.therapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={`New time (${tz.replaceAll("_", " ")})`}
        value={start}
        onChange={(e) => setStart(e.target.value)}
        hint={
          slots.isFetching
            ? "Finding free times…"
            : slots.data && !slots.data.slots.length
              ? "No free times that day."
              : undefined
        }
      >
        <option value="">Choose a time</option>
        {slots.data?.slots.map((s) => (
          <option key={s.start} value={s.start}>
            {timeLabel(s.start, tz, true)}
          </option>
        ))}
      </SelectField>
      {move.error instanceof ApiError && move.error.fieldErrors.overAuthorizationReason && (
        <TextArea
          label="Reason for booking past the authorisation"
          required
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={move.error.fieldErrors.overAuthorizationReason}
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={!start || move.isPending}>
          {move.isPending ? "Moving…" : "Move appointment"}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
      </div>
    </form>
  );
}

function CancelForm({
  appointment: a,
  onDone,
  onBack,
}: {
  appointment: CalendarAppointment;
  onDone: (m: string) => void;
  onBack: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [initiatedBy, setInitiatedBy] = useState<"patient" | "clinic">("patient");
  const cancel = useMutation({
    mutationFn: () =>
      bookingApi.cancel({ params: { appointmentId: a.id }, body: { expectedVersion: a.version, reason, initiatedBy } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["calendar"] });
      onDone(`Cancelled ${a.patient.name}'s appointment.`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: ["calendar"] });
    },
  });
  const fieldError = cancel.error instanceof ApiError ? cancel.error.fieldErrors.reason : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate();
      }}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Cancel appointment"
    >
      {cancel.error && !fieldError && (
        <Alert tone="danger" role="alert">
          {cancel.error.message}
        </Alert>
      )}
      <TextArea
        label="Reason for cancelling"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        errors={fieldError}
      />
      <SelectField
        label="Who asked for it"
        value={initiatedBy}
        onChange={(e) => setInitiatedBy(e.target.value as "patient" | "clinic")}
      >
        <option value="patient">The patient (late-cancellation rule applies)</option>
        <option value="clinic">The clinic</option>
      </SelectField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={cancel.isPending}>
          {cancel.isPending ? "Cancelling…" : "Cancel appointment"}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
      </div>
    </form>
  );
}

/** "Visit 5 of 12 authorised, until 15 Jan 2027" */
export function episodeVisitLabel(v: { visitNumber: number; visitsAuthorized: number; validUntil: string }): string {
  return `Visit ${v.visitNumber} of ${v.visitsAuthorized} authorised, until ${formatDayMonthYear(v.validUntil)}`;
}
