"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea } from "@/components/ui/field";
import { ApiError } from "@/lib/http/api-client";
import { bookingApi, dateLabel, newIdempotencyKey, timeLabel, type MineData } from "./booking-api";
import { SlotPicker, type PickedSlot } from "./slot-picker";

/*
 * The patient's booking, moving and cancelling forms. The appointments page loads
 * this module (and TanStack Query with it) only when the patient opens one of them,
 * so the list itself costs no query library on first load (docs/decisions/072).
 * Each form owns a query cache for its free times; the list is the server's, and
 * `onDone` asks the page to render it again.
 */

type Therapist = { id: string; name: string };
type Mine = MineData["upcoming"][number];

/** Focus the first field when a form appears, so keyboard and screen-reader users land in it, not on the page body. */
/** Each form holds its own query cache: only one is open at a time, and the page itself needs none. */
function withQueries<P extends object>(Flow: (props: P) => React.ReactNode) {
  return function WithQueries(props: P) {
    return (
      <QueryProvider>
        <Flow {...props} />
      </QueryProvider>
    );
  };
}

function focusFirstField(el: HTMLElement | null) {
  el?.querySelector<HTMLElement>("select, textarea, input")?.focus();
}

export const BookForm = withQueries(BookFlow);

function BookFlow({
  timeZone,
  therapists,
  onDone,
  onCancel,
}: {
  timeZone: string;
  therapists: Therapist[];
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
    onSuccess: () =>
      onDone(
        `Booked: ${dateLabel(picked!.start, timeZone)} at ${timeLabel(picked!.start, timeZone, true)} with ${picked!.therapistName}. A confirmation email is on its way.`,
      ),
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
    <div ref={focusFirstField} className="flex flex-col gap-4">
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

export const MoveForm = withQueries(MoveFlow);

function MoveFlow({
  a,
  timeZone: tz,
  therapists,
  onDone,
  onCancel,
}: {
  a: Mine;
  timeZone: string;
  therapists: Therapist[];
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [therapistId, setTherapistId] = useState(a.therapistId);
  const move = useMutation({
    mutationFn: () =>
      bookingApi.move({
        params: { appointmentId: a.id },
        body: { expectedVersion: a.version, startsAt: picked!.start, therapistId: picked!.therapistId },
      }),
    onSuccess: () => onDone(`Moved to ${dateLabel(picked!.start, tz)} at ${timeLabel(picked!.start, tz, true)}.`),
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setPicked(null);
        void queryClient.invalidateQueries({ queryKey: ["slots"] });
      }
    },
  });
  return (
    <div ref={focusFirstField} className="mt-3 flex flex-col gap-3">
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
        <Button variant="secondary" onClick={onCancel}>
          Keep this time
        </Button>
      </div>
    </div>
  );
}

export const CancelForm = withQueries(CancelFlow);

function CancelFlow({
  a,
  timeZone: tz,
  lateCancellationHours,
  onDone,
  onCancel,
}: {
  a: Mine;
  timeZone: string;
  lateCancellationHours: number;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const cancel = useMutation({
    mutationFn: () =>
      bookingApi.cancel({ params: { appointmentId: a.id }, body: { expectedVersion: a.version, reason } }),
    onSuccess: () => onDone(`Cancelled your ${a.typeName} on ${dateLabel(a.startsAt, tz)}.`),
  });
  const reasonError = cancel.error instanceof ApiError ? cancel.error.fieldErrors.reason : undefined;
  return (
    <form
      ref={focusFirstField}
      className="mt-3 flex flex-col gap-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate();
      }}
    >
      {a.cancelWouldBeLate && (
        <Alert tone="warning">
          This is within {lateCancellationHours} hours of the visit, so it will be recorded as a late cancellation.
        </Alert>
      )}
      {cancel.error && !reasonError && (
        <Alert tone="danger" role="alert">
          {cancel.error.message}
        </Alert>
      )}
      <TextArea
        label="Why are you cancelling?"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        errors={reasonError}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={cancel.isPending}>
          {cancel.isPending ? "Cancelling…" : "Cancel appointment"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Keep it
        </Button>
      </div>
    </form>
  );
}
