"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ApiError } from "@/lib/http/api-client";
import {
  bookingApi,
  freshSlotsOf,
  newIdempotencyKey,
  timeLabel,
  dateLabel,
  localDate,
  type AppointmentType,
  type BookBody,
  type SlotGroup,
} from "./booking-api";
import { PatientPicker, type PickedPatient } from "./patient-picker";
import { EpisodeVisitNote } from "./episode-standing-note";

export type BookTarget = { therapistId: string; therapistName: string; start: string };

/** Book the clicked free time for a patient. One idempotency key per dialog: a double click books once. */
export function BookForm({
  target,
  types,
  timeZone,
  onDone,
  initialPatient = null,
}: {
  target: BookTarget;
  types: AppointmentType[];
  timeZone: string;
  onDone: (message: string) => void;
  /** Pre-chosen (the calendar opened from the follow-up list); "Change patient" still works. */
  initialPatient?: PickedPatient | null;
}) {
  const queryClient = useQueryClient();
  const [patient, setPatient] = useState<PickedPatient | null>(initialPatient);
  const [start, setStart] = useState(target.start);
  const [key, setKey] = useState(newIdempotencyKey);
  const active = types.filter((t) => t.active);
  const [typeId, setTypeId] = useState(active[0]?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [fresh, setFresh] = useState<SlotGroup[]>([]);
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: (body: BookBody) => bookingApi.book({ body, headers: { "Idempotency-Key": key } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["calendar"] });
      void queryClient.invalidateQueries({ queryKey: ["episode-standing"] });
      onDone(
        `Booked ${patient?.firstName} ${patient?.lastName} at ${timeLabel(start, timeZone)} with ${target.therapistName}.`,
      );
    },
    onError: (e) => {
      setErrors(e instanceof ApiError ? e.fieldErrors : {});
      setFresh(
        freshSlotsOf(e)
          .filter((s) => s.therapistIds.includes(target.therapistId))
          .slice(0, 6),
      );
      // A refused booking is finished: the next attempt is a new request with a new key.
      setKey(newIdempotencyKey());
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: ["calendar"] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!patient) {
      setErrors({ patientId: ["Choose a patient."] });
      return;
    }
    mutation.mutate({
      appointmentTypeId: typeId,
      therapistId: target.therapistId,
      patientId: patient.id,
      startsAt: start,
      ...(reason.trim() && { overAuthorizationReason: reason.trim() }),
    });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p>
        <span className="font-semibold">{dateLabel(start, timeZone)}</span> at{" "}
        <span className="font-semibold">{timeLabel(start, timeZone, true)}</span> with{" "}
        <span className="font-semibold">{target.therapistName}</span>
      </p>
      {mutation.error && (
        <Alert tone="danger" role="alert">
          {mutation.error.message}
        </Alert>
      )}
      {fresh.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">Free times with {target.therapistName}</legend>
          <div className="flex flex-wrap gap-2">
            {fresh.map((s) => (
              <Button
                key={s.start}
                variant="secondary"
                onClick={() => setStart(s.start)}
                aria-pressed={s.start === start}
              >
                {dateLabel(s.start, timeZone, "short")} {timeLabel(s.start, timeZone)}
              </Button>
            ))}
          </div>
        </fieldset>
      )}
      <PatientPicker value={patient} onChange={setPatient} error={errors.patientId?.join(" ")} />
      <EpisodeVisitNote
        patientId={patient?.id ?? null}
        date={localDate(start, timeZone)}
        reason={reason}
        onReasonChange={setReason}
        reasonErrors={errors.overAuthorizationReason}
      />
      <SelectField
        label="Appointment type"
        value={typeId}
        onChange={(e) => setTypeId(e.target.value)}
        errors={errors.appointmentTypeId}
      >
        {active.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.durationMinutes} min{t.onlineBookable ? "" : ", staff only"})
          </option>
        ))}
      </SelectField>
      {errors.startsAt && <p className="text-sm font-medium text-red-700">{errors.startsAt.join(" ")}</p>}
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Booking…" : "Book appointment"}
      </Button>
    </form>
  );
}
