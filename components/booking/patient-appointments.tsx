"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { STATUS_LABEL } from "@/lib/booking/status-rules";
import { ApiError } from "@/lib/http/api-client";
import { bookingApi, dateLabel, newIdempotencyKey, timeLabel, type MineData } from "./booking-api";
import { SlotPicker, type PickedSlot } from "./slot-picker";

type Mine = MineData["upcoming"][number];

/** The patient's appointments: see, book, move and cancel, on a phone first. */
export function PatientAppointments({
  initial,
  timeZone,
  therapists,
  blockedMessage,
}: {
  /** Rendered with the page (the appointments page loads them on the server), so the lists do not pop in. */
  initial?: MineData;
  timeZone: string;
  therapists: Array<{ id: string; name: string }>;
  blockedMessage: string | null;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const { data, error } = useQuery({
    queryKey: ["my-appointments"],
    queryFn: () => bookingApi.mine(),
    initialData: initial,
  });
  const done = (text: string) => {
    setMessage(text);
    setBooking(false);
  };
  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite">
        {message && (
          <Alert tone="success" role="status">
            {message}
          </Alert>
        )}
      </div>
      {error && (
        <Alert tone="danger" role="alert">
          {error.message}
        </Alert>
      )}
      {blockedMessage ? (
        <Alert tone="danger" title="Please call the clinic before booking">
          {blockedMessage}
        </Alert>
      ) : booking ? (
        <Card title="Book an appointment">
          <BookFlow timeZone={timeZone} therapists={therapists} onDone={done} onCancel={() => setBooking(false)} />
        </Card>
      ) : (
        <div>
          <Button onClick={() => setBooking(true)}>Book an appointment</Button>
        </div>
      )}
      <Card title="Upcoming">
        {data && !data.upcoming.length && <p>No upcoming appointments.</p>}
        <ul className="flex flex-col gap-3">
          {data?.upcoming.map((a) => (
            <UpcomingItem
              key={a.id}
              a={a}
              data={data}
              therapists={therapists}
              blocked={Boolean(blockedMessage)}
              onDone={done}
            />
          ))}
        </ul>
      </Card>
      <Card title="Past and cancelled">
        {data && !data.past.length && <p>Nothing yet.</p>}
        <ul className="divide-y divide-slate-200">
          {data?.past.map((a) => (
            <li key={a.id} className="py-2">
              <p className="font-medium">
                {dateLabel(a.startsAt, timeZone)}, {timeLabel(a.startsAt, timeZone, true)}
              </p>
              <p className="text-sm text-slate-700">
                {a.typeName} with {a.therapistName} · {STATUS_LABEL[a.status]}
                {a.lateCancellation ? " (late cancellation)" : ""}
              </p>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function BookFlow({
  timeZone,
  therapists,
  onDone,
  onCancel,
}: {
  timeZone: string;
  therapists: Array<{ id: string; name: string }>;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const types = useQuery({
    queryKey: ["booking-types"],
    queryFn: () => bookingApi.appointmentTypes(),
  });
  const [typeId, setTypeId] = useState("");
  const [therapistId, setTherapistId] = useState("");
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const effectiveType = typeId || types.data?.appointmentTypes[0]?.id || "";
  const book = useMutation({
    mutationFn: () =>
      bookingApi.book({
        body: { appointmentTypeId: effectiveType, therapistId: picked!.therapistId, startsAt: picked!.start },
        headers: { "Idempotency-Key": key },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["my-appointments"] });
      onDone(
        `Booked: ${dateLabel(picked!.start, timeZone)} at ${timeLabel(picked!.start, timeZone, true)} with ${picked!.therapistName}. A confirmation email is on its way.`,
      );
    },
    onError: (e) => {
      setKey(newIdempotencyKey());
      if (e instanceof ApiError && e.status === 409) {
        setPicked(null);
        void queryClient.invalidateQueries({ queryKey: ["slots"] });
      }
    },
  });
  const typeName = types.data?.appointmentTypes.find((t) => t.id === effectiveType)?.name;
  return (
    <div className="flex flex-col gap-4">
      {types.data && !types.data.appointmentTypes.length && (
        <p>No appointments can be booked online. Please call the clinic.</p>
      )}
      <SelectField
        label="What kind of visit?"
        value={effectiveType}
        onChange={(e) => {
          setTypeId(e.target.value);
          setPicked(null);
        }}
      >
        {types.data?.appointmentTypes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.durationMinutes} min)
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Therapist"
        value={therapistId}
        onChange={(e) => {
          setTherapistId(e.target.value);
          setPicked(null);
        }}
      >
        <option value="">Any therapist</option>
        {therapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      {effectiveType && (
        <SlotPicker
          appointmentTypeId={effectiveType}
          therapistId={therapistId || null}
          timeZone={timeZone}
          picked={picked}
          onPick={setPicked}
        />
      )}
      {book.error && (
        <Alert tone="danger" role="alert">
          {book.error.message}
        </Alert>
      )}
      {picked && (
        <div className="rounded-lg border border-brand-700 bg-brand-50 p-3">
          <p>
            {typeName} on <span className="font-semibold">{dateLabel(picked.start, timeZone)}</span> at{" "}
            <span className="font-semibold">{timeLabel(picked.start, timeZone, true)}</span> with {picked.therapistName}
          </p>
          <Button className="mt-2 w-full sm:w-auto" disabled={book.isPending} onClick={() => book.mutate()}>
            {book.isPending ? "Booking…" : "Confirm booking"}
          </Button>
        </div>
      )}
      <div>
        <Button variant="secondary" onClick={onCancel}>
          Close
        </Button>
      </div>
    </div>
  );
}

function UpcomingItem({
  a,
  data,
  therapists,
  blocked,
  onDone,
}: {
  a: Mine;
  data: MineData;
  therapists: Array<{ id: string; name: string }>;
  blocked: boolean;
  onDone: (m: string) => void;
}) {
  const tz = data.timeZone;
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "move" | "cancel">("view");
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [therapistId, setTherapistId] = useState(a.therapistId);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["my-appointments"] });
  const move = useMutation({
    mutationFn: () =>
      bookingApi.move({
        params: { appointmentId: a.id },
        body: { expectedVersion: a.version, startsAt: picked!.start, therapistId: picked!.therapistId },
      }),
    onSuccess: () => {
      void refresh();
      setMode("view");
      onDone(`Moved to ${dateLabel(picked!.start, tz)} at ${timeLabel(picked!.start, tz, true)}.`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setPicked(null);
        void queryClient.invalidateQueries({ queryKey: ["slots"] });
      }
    },
  });
  const cancel = useMutation({
    mutationFn: () =>
      bookingApi.cancel({ params: { appointmentId: a.id }, body: { expectedVersion: a.version, reason } }),
    onSuccess: () => {
      void refresh();
      onDone(`Cancelled your ${a.typeName} on ${dateLabel(a.startsAt, tz)}.`);
    },
  });
  const reasonError = cancel.error instanceof ApiError ? cancel.error.fieldErrors.reason : undefined;
  const heading = `${dateLabel(a.startsAt, tz)}, ${timeLabel(a.startsAt, tz, true)}`;
  return (
    <li className="rounded-lg border border-slate-200 p-3" style={{ borderLeft: `6px solid ${a.colour}` }}>
      <h3 className="font-semibold">{heading}</h3>
      <p className="text-slate-700">
        {a.typeName} with {a.therapistName} · {STATUS_LABEL[a.status]}
      </p>
      {mode === "view" && (
        <div className="mt-2 flex flex-wrap gap-2">
          {a.canReschedule && !blocked && (
            <Button variant="secondary" onClick={() => setMode("move")} aria-label={`Reschedule ${heading}`}>
              Reschedule
            </Button>
          )}
          {a.canCancel && (
            <Button variant="secondary" onClick={() => setMode("cancel")} aria-label={`Cancel ${heading}`}>
              Cancel
            </Button>
          )}
          {!a.canReschedule && a.status === "booked" && (
            <p className="w-full text-sm text-slate-700">
              To move this visit, call the clinic at {data.clinicPhone} (online changes close{" "}
              {data.lateCancellationHours} hours before).
            </p>
          )}
        </div>
      )}
      {mode === "move" && (
        <div className="mt-3 flex flex-col gap-3">
          <SelectField
            label="Therapist"
            value={therapistId}
            onChange={(e) => {
              setTherapistId(e.target.value);
              setPicked(null);
            }}
          >
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
          <SlotPicker
            appointmentTypeId={a.appointmentTypeId}
            therapistId={therapistId}
            timeZone={tz}
            picked={picked}
            onPick={setPicked}
          />
          {move.error && (
            <Alert tone="danger" role="alert">
              {move.error.message}
            </Alert>
          )}
          <div className="flex flex-wrap gap-2">
            <Button disabled={!picked || move.isPending} onClick={() => move.mutate()}>
              {move.isPending ? "Moving…" : picked ? `Move to ${timeLabel(picked.start, tz)}` : "Choose a new time"}
            </Button>
            <Button variant="secondary" onClick={() => setMode("view")}>
              Keep this time
            </Button>
          </div>
        </div>
      )}
      {mode === "cancel" && (
        <form
          className="mt-3 flex flex-col gap-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate();
          }}
        >
          {a.cancelWouldBeLate && (
            <Alert tone="warning">
              This is within {data.lateCancellationHours} hours of the visit, so it will be recorded as a late
              cancellation.
            </Alert>
          )}
          {cancel.error && !reasonError && (
            <Alert tone="danger" role="alert">
              {cancel.error.message}
            </Alert>
          )}
          <label htmlFor={reasonId} className="font-medium">
            Why are you cancelling?
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            className="rounded-lg border border-slate-400 px-3 py-2"
          />
          {reasonError && (
            <p id={`${reasonId}-error`} className="text-sm font-medium text-red-700">
              {reasonError.join(" ")}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={cancel.isPending}>
              {cancel.isPending ? "Cancelling…" : "Cancel appointment"}
            </Button>
            <Button variant="secondary" onClick={() => setMode("view")}>
              Keep it
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
