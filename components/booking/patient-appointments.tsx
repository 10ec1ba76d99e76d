"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { appointmentLabel } from "@/lib/booking/status-rules";
import { dateLabel, timeLabel, type MineData } from "./booking-api";

type Mine = MineData["upcoming"][number];
type Therapist = { id: string; name: string };

// The forms bring the slot picker and TanStack Query; the page shows the list without them (docs/decisions/072).
const loadForms = () => import("./booking-forms");
const formLoading = () => (
  <p role="status" className="mt-3 text-sm text-slate-700">
    Loading…
  </p>
);
const BookForm = dynamic(() => loadForms().then((m) => m.BookForm), { loading: formLoading });
const MoveForm = dynamic(() => loadForms().then((m) => m.MoveForm), { loading: formLoading });
const CancelForm = dynamic(() => loadForms().then((m) => m.CancelForm), { loading: formLoading });
/** Fetched when the patient points at or focuses a button that opens a form, so it is usually there by the click. */
const preloadForms = () => void loadForms();

/** The patient's appointments: see, book, move and cancel, on a phone first. */
export function PatientAppointments({
  initial,
  timeZone,
  therapists,
  blockedMessage,
}: {
  /** Rendered with the page by the server; after a change the page is rendered again (router.refresh). */
  initial?: MineData;
  timeZone: string;
  therapists: Therapist[];
  blockedMessage: string | null;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const bookButton = useRef<HTMLDivElement>(null);
  const data = initial;
  const done = (text: string) => {
    setMessage(text);
    setBooking(false);
    router.refresh();
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
      {blockedMessage ? (
        <Alert tone="danger" title="Please call the clinic before booking">
          {blockedMessage}
        </Alert>
      ) : booking ? (
        <Card title="Book an appointment">
          <BookForm
            timeZone={timeZone}
            therapists={therapists}
            onDone={done}
            onCancel={() => {
              setBooking(false);
              // Back to the button that opened the form, once it is rendered again.
              requestAnimationFrame(() => bookButton.current?.querySelector("button")?.focus());
            }}
          />
        </Card>
      ) : (
        <div ref={bookButton}>
          <Button
            onPointerEnter={preloadForms}
            onFocus={preloadForms}
            onClick={() => {
              setMessage(null);
              setBooking(true);
            }}
          >
            Book an appointment
          </Button>
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
                {a.typeName} with {a.therapistName} · {appointmentLabel(a.status, a.confirmedAt)}
                {a.lateCancellation ? " (late cancellation)" : ""}
              </p>
            </li>
          ))}
        </ul>
      </Card>
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
  therapists: Therapist[];
  blocked: boolean;
  onDone: (m: string) => void;
}) {
  const tz = data.timeZone;
  const [mode, setMode] = useState<"view" | "move" | "cancel">("view");
  const item = useRef<HTMLLIElement>(null);
  const close = (from: "move" | "cancel") => {
    setMode("view");
    requestAnimationFrame(() => item.current?.querySelector<HTMLElement>(`[data-opens="${from}"]`)?.focus());
  };
  const finish = (m: string) => {
    setMode("view");
    onDone(m);
  };
  const heading = `${dateLabel(a.startsAt, tz)}, ${timeLabel(a.startsAt, tz, true)}`;
  return (
    <li ref={item} className="rounded-lg border border-slate-200 p-3" style={{ borderLeft: `6px solid ${a.colour}` }}>
      <h3 className="font-semibold">{heading}</h3>
      <p className="text-slate-700">
        {a.typeName} with {a.therapistName} · {appointmentLabel(a.status, a.confirmedAt)}
      </p>
      {mode === "view" && (
        <div className="mt-2 flex flex-wrap gap-2">
          {a.canReschedule && !blocked && (
            <Button
              variant="secondary"
              data-opens="move"
              onPointerEnter={preloadForms}
              onFocus={preloadForms}
              onClick={() => setMode("move")}
              aria-label={`Reschedule ${heading}`}
            >
              Reschedule
            </Button>
          )}
          {a.canCancel && (
            <Button
              variant="secondary"
              data-opens="cancel"
              onPointerEnter={preloadForms}
              onFocus={preloadForms}
              onClick={() => setMode("cancel")}
              aria-label={`Cancel ${heading}`}
            >
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
        <MoveForm a={a} timeZone={tz} therapists={therapists} onDone={finish} onCancel={() => close("move")} />
      )}
      {mode === "cancel" && (
        <CancelForm
          a={a}
          timeZone={tz}
          lateCancellationHours={data.lateCancellationHours}
          onDone={finish}
          onCancel={() => close("cancel")}
        />
      )}
    </li>
  );
}
