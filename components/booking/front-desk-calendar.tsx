"use client";

import {
  DndContext,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
} from "@dnd-kit/core";
import { useQuery } from "@tanstack/react-query";
import { memo, useCallback, useMemo, useRef, useState, type CSSProperties } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { AppointmentActions } from "./appointment-actions";
import { BookForm, type BookTarget } from "./book-dialog";
import type { PickedPatient } from "./patient-picker";
import { appointmentLabel, isChangeable, type AppointmentStatus } from "@/lib/booking/status-rules";
import { ApiError } from "@/lib/http/api-client";
import {
  addDaysIso,
  bookingApi,
  dateLabel,
  localMinute,
  timeLabel,
  todayInZone,
  type CalendarAppointment,
  type CalendarData,
} from "./booking-api";
import { SeriesForm } from "./series-form";
import { useMoveAppointment, usePendingMoves } from "./use-move-appointment";

type Column = { key: string; date: string; therapistId: string; therapistName: string };

const STATUS_STYLE: Record<AppointmentStatus, string> = {
  booked: "bg-white",
  cancelled: "bg-white",
  checked_in: "bg-sky-50",
  completed: "bg-slate-100",
  no_show: "bg-amber-50",
};

/**
 * The front desk's calendar: our own grid (docs/decisions/033), one column
 * per therapist (per day in the week view), rows on the clinic's wall clock.
 * Free working time is a button per step ("Book 9:15 AM with Maya Chen");
 * appointments are buttons that open every action; dragging one onto free
 * time moves it, and the dialog's "Move…" does the same from the keyboard.
 */
export function FrontDeskCalendar({
  initialDate,
  timeZone,
  canManage,
  bookFor = null,
}: {
  initialDate: string;
  timeZone: string;
  canManage: boolean;
  /** Opened from "Book" on the follow-up list (?patient=): the booking dialog starts with this patient. */
  bookFor?: PickedPatient | null;
}) {
  const [date, setDate] = useState(initialDate);
  const [view, setView] = useState<"day" | "week">("day");
  const [booking, setBooking] = useState<BookTarget | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [seriesOpen, setSeriesOpen] = useState(false);
  const [message, setMessage] = useState<{ tone: "info" | "success" | "danger"; text: string } | null>(null);
  const { data, error, isPending, dataUpdatedAt } = useQuery({
    queryKey: ["calendar", date, view],
    queryFn: () => bookingApi.calendar({ query: { date, view } }),
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
  const selected = data?.appointments.find((a) => a.id === selectedId) ?? null;
  // A drop ends with a click on the dragged button; it must not open the dialog.
  const justDragged = useRef(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const where = (start: number) => `${dateLabel(start, timeZone, "short")} at ${timeLabel(start, timeZone)}`;
  // Drawn at the new place at once (use-move-appointment.ts); the message says the server is still to answer.
  const move = useMoveAppointment({
    onSuccess: (v) =>
      setMessage({ tone: "success", text: `Moved ${v.appointment.patient.name} to ${where(v.start)}.` }),
    onError: (e) =>
      setMessage({ tone: "danger", text: e instanceof ApiError ? e.message : "Could not move the appointment." }),
  });
  const pendingMoves = usePendingMoves();

  // The free-time button under the pointer, marked by hand (see slotUnder) so that a drag
  // re-renders nothing but the dragged block.
  const overSlot = useRef<HTMLElement | null>(null);
  function markOver(el: HTMLElement | null) {
    if (overSlot.current === el) return;
    overSlot.current?.removeAttribute("data-over");
    el?.setAttribute("data-over", "");
    overSlot.current = el;
  }
  function onDragMove(event: DragMoveEvent) {
    markOver(slotUnder(event));
  }
  function onDragEnd(event: DragEndEvent) {
    setTimeout(() => (justDragged.current = false), 0);
    markOver(null);
    if (!event.over) return;
    const appointment = data?.appointments.find((a) => a.id === event.active.id);
    const target = slotUnder(event)?.dataset.slot;
    if (!appointment || !target) return;
    const [therapistId, start] = target.split("|");
    if (!start || !therapistId) return;
    setMessage({ tone: "info", text: `Moving ${appointment.patient.name} to ${where(Number(start))}…` });
    move.mutate({ appointment, therapistId, start: Number(start) });
  }
  // Stable, so that opening a visit or showing a message does not re-render the grid.
  const onSelect = useCallback((id: string) => {
    if (!justDragged.current) setSelectedId(id);
  }, []);

  const step = view === "day" ? 1 : 7;
  const done = (text: string) => {
    setBooking(null);
    setSelectedId(null);
    setSeriesOpen(false);
    setMessage({ tone: "success", text });
  };
  return (
    <div className="flex flex-col gap-4">
      {bookFor && (
        <Alert tone="info">
          Booking for {bookFor.firstName} {bookFor.lastName}: choose a free time.
        </Alert>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <Button variant="secondary" onClick={() => setDate((d) => addDaysIso(d, -step))}>
          ← Previous {view}
        </Button>
        <Button variant="secondary" onClick={() => setDate(todayInZone(timeZone))}>
          Today
        </Button>
        <Button variant="secondary" onClick={() => setDate((d) => addDaysIso(d, step))}>
          Next {view} →
        </Button>
        <label className="flex flex-col text-sm font-medium">
          Go to date
          <input
            type="date"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            className="min-h-11 rounded-lg border border-slate-400 px-3 text-base"
          />
        </label>
        <div role="group" aria-label="Calendar view" className="flex gap-1">
          {(["day", "week"] as const).map((v) => (
            <Button
              key={v}
              variant={view === v ? "primary" : "secondary"}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {v === "day" ? "Day" : "Week"}
            </Button>
          ))}
        </div>
        {canManage && data && (
          <Button variant="secondary" onClick={() => setSeriesOpen(true)} className="ml-auto">
            Book a series…
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {message && (
          <Alert tone={message.tone} role="status">
            {message.text}
          </Alert>
        )}
      </div>
      {error && (
        <Alert tone="danger" role="alert">
          {error.message}
        </Alert>
      )}
      {isPending && <p>Loading the calendar…</p>}
      {data && (
        <>
          <h2 className="text-xl font-semibold">
            {view === "day"
              ? dateLabel(data.days[0]!.startMs + 12 * 3_600_000, timeZone)
              : `Week of ${dateLabel(data.days[0]!.startMs + 12 * 3_600_000, timeZone)}`}
            <span className="block text-sm font-normal text-slate-700">Times in {data.timeZoneName}</span>
          </h2>
          <Legend data={data} />
          <DndContext
            sensors={sensors}
            // The drop target is the free time under the pointer, where the visit will start.
            collisionDetection={pointerWithin}
            onDragStart={() => (justDragged.current = true)}
            onDragMove={onDragMove}
            onDragEnd={onDragEnd}
            onDragCancel={() => {
              markOver(null);
              setTimeout(() => (justDragged.current = false), 0);
            }}
            accessibility={{
              screenReaderInstructions: {
                draggable: "Press Enter to open this appointment; use Move in the dialog to move it with the keyboard.",
              },
            }}
          >
            <Grid
              data={data}
              now={dataUpdatedAt}
              canManage={canManage}
              pendingMoves={pendingMoves}
              onBook={setBooking}
              onSelect={onSelect}
            />
          </DndContext>
          <CancelledList data={data} onSelect={setSelectedId} />
        </>
      )}
      <Modal open={booking !== null} title="Book an appointment" onClose={() => setBooking(null)}>
        {booking && data && (
          <BookForm
            target={booking}
            types={data.appointmentTypes}
            timeZone={timeZone}
            onDone={done}
            initialPatient={bookFor}
          />
        )}
      </Modal>
      <Modal
        open={selected !== null}
        title={selected ? `${selected.patient.name}` : "Appointment"}
        onClose={() => setSelectedId(null)}
      >
        {selected && data && (
          <AppointmentActions
            appointment={selected}
            data={data}
            now={dataUpdatedAt}
            canManage={canManage}
            onDone={done}
          />
        )}
      </Modal>
      <Modal open={seriesOpen} title="Book a plan-of-care series" onClose={() => setSeriesOpen(false)} wide>
        {seriesOpen && data && <SeriesForm data={data} onDone={done} />}
      </Modal>
    </div>
  );
}

/**
 * The free-time button under the pointer, read from the page (so it holds even
 * if the grid scrolled during the drag). Columns, not the thousands of
 * free-time buttons, are dnd-kit's drop targets: each droppable re-renders on
 * every step of a drag and is measured when one starts, which with 20
 * therapists over a week made a drop take a second (bench:calendar).
 */
function slotUnder(event: DragMoveEvent | DragEndEvent): HTMLElement | null {
  const origin = event.activatorEvent as PointerEvent;
  const x = origin.clientX + event.delta.x;
  const y = origin.clientY + event.delta.y;
  for (const el of document.elementsFromPoint(x, y)) {
    const slot = el.closest<HTMLElement>("[data-slot]");
    if (slot) return slot;
  }
  return null;
}

function Legend({ data }: { data: CalendarData }) {
  return (
    <ul className="flex flex-wrap gap-3 text-sm" aria-label="Appointment types">
      {data.appointmentTypes
        .filter((t) => t.active)
        .map((t) => (
          <li key={t.id} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-4 rounded" style={{ backgroundColor: t.colour }} />
            {t.name}
          </li>
        ))}
    </ul>
  );
}

const Grid = memo(function Grid({
  data,
  now,
  canManage,
  pendingMoves,
  onBook,
  onSelect,
}: {
  data: CalendarData;
  now: number;
  canManage: boolean;
  /** Appointments drawn at a new place the server has not confirmed yet. */
  pendingMoves: string[];
  onBook: (t: BookTarget) => void;
  onSelect: (id: string) => void;
}) {
  const tz = data.timeZone;
  const stepMin = data.slotStepMinutes;
  const stepMs = stepMin * 60_000;
  const columns: Column[] = useMemo(
    () =>
      data.days.flatMap((d) =>
        data.therapists.map((t) => ({
          key: `${d.date}|${t.id}`,
          date: d.date,
          therapistId: t.id,
          therapistName: t.name,
        })),
      ),
    [data],
  );
  // Each step of working time with its wall-clock minute and its button's name, formatted once per week: Intl
  // formatting of the 2,400 free-time cells was most of a re-render's cost after a move (decision 104), and a
  // moved visit changes only the busy times.
  const workSteps = useMemo(
    () =>
      data.therapists.map((t) => ({
        therapist: t,
        steps: t.working.flatMap((w) => {
          const steps = [];
          for (let s = Date.parse(w.start); s + stepMs <= Date.parse(w.end); s += stepMs)
            steps.push({
              start: s,
              date: w.date,
              minute: localMinute(s, tz),
              label: `Book ${timeLabel(s, tz)}${data.view === "week" ? ` on ${dateLabel(s, tz, "short")}` : ""} with ${t.name}`,
            });
          return steps;
        }),
      })),
    [data.therapists, data.view, tz, stepMs],
  );
  const active = data.appointments.filter((a) => a.status !== "cancelled");
  // Busy time per therapist, parsed once: the free-time loop below asks for every step of every column.
  const busyByTherapist = new Map<string, Array<[number, number]>>();
  for (const a of active) {
    const list = busyByTherapist.get(a.therapistId) ?? [];
    list.push([Date.parse(a.startsAt), Date.parse(a.blockedUntil)]);
    busyByTherapist.set(a.therapistId, list);
  }
  const colByKey = new Map(columns.map((c, i) => [c.key, i + 2]));
  const therapistName = new Map(data.therapists.map((t) => [t.id, t.name]));
  // Rows on the wall clock, from the earliest working or booked minute to the latest (8:00-18:00 when empty).
  const minutes = [
    ...data.therapists.flatMap((t) =>
      t.working.flatMap((w) => [localMinute(w.start, tz), localMinute(w.end, tz) || 1440]),
    ),
    ...active.flatMap((a) => [localMinute(a.startsAt, tz), localMinute(a.blockedUntil, tz) || 1440]),
  ];
  const first = Math.floor(Math.min(8 * 60, ...minutes) / 60) * 60;
  const last = Math.ceil(Math.max(18 * 60, ...minutes) / 60) * 60;
  const rows = (last - first) / stepMin;
  const rowOf = (iso: string | number) => Math.floor((localMinute(iso, tz) - first) / stepMin) + 2;
  const colOf = (date: string, therapistId: string) => colByKey.get(`${date}|${therapistId}`) ?? 1;
  const dateOf = (iso: string) =>
    data.days.find((d) => Date.parse(iso) >= d.startMs && Date.parse(iso) < d.endMs)?.date;

  const style: CSSProperties = {
    gridTemplateColumns: `4.5rem repeat(${columns.length}, minmax(${data.view === "day" ? "10rem" : "6.5rem"}, 1fr))`,
    gridTemplateRows: `auto repeat(${rows}, 1.75rem)`,
  };
  return (
    <div
      className="overflow-x-auto rounded-xl border border-slate-300 bg-white"
      tabIndex={0}
      role="region"
      aria-label="Calendar grid"
    >
      <div className="relative grid" style={style}>
        <div className="sticky left-0 z-20 border-b border-slate-300 bg-white" style={{ gridRow: 1, gridColumn: 1 }} />
        {columns.map((c, i) => (
          <div
            key={c.key}
            className="border-b border-l border-slate-300 bg-white px-2 py-1 text-sm font-semibold"
            style={{ gridRow: 1, gridColumn: i + 2 }}
          >
            {data.view === "week" && (
              <span className="block font-normal text-slate-700">
                {dateLabel(`${c.date}T12:00:00Z`, "UTC", "short")}
              </span>
            )}
            {c.therapistName}
          </div>
        ))}
        {Array.from({ length: rows }, (_, r) => {
          const m = first + r * stepMin;
          return (
            <div
              key={m}
              className={`sticky left-0 z-10 border-r border-slate-300 bg-white pr-2 text-right text-xs text-slate-700 ${m % 60 === 0 ? "border-t border-t-slate-200" : ""}`}
              style={{ gridRow: r + 2, gridColumn: 1 }}
              aria-hidden="true"
            >
              {m % 60 === 0 ? `${((Math.floor(m / 60) + 11) % 12) + 1} ${m < 720 ? "AM" : "PM"}` : ""}
            </div>
          );
        })}
        {columns.map((c, ci) => (
          <ColumnBackground key={`bg-${c.key}`} id={c.key} rows={rows} col={ci + 2} />
        ))}
        {workSteps.flatMap(({ therapist: t, steps }) => {
          const busyTimes = busyByTherapist.get(t.id) ?? [];
          return steps.flatMap(({ start: s, date, minute, label }) => {
            const row = Math.floor((minute - first) / stepMin) + 2;
            if (row < 2 || row > rows + 1) return [];
            const busy = busyTimes.some(([from, until]) => from < s + stepMs && s < until);
            const col = colOf(date, t.id);
            return [
              busy || !canManage || s + stepMs <= now ? (
                <div
                  key={`${t.id}|${s}`}
                  className="border-t border-slate-100 bg-white"
                  style={{ gridRow: row, gridColumn: col }}
                  aria-hidden="true"
                />
              ) : (
                <FreeCell
                  key={`${t.id}|${s}`}
                  therapistId={t.id}
                  therapistName={t.name}
                  start={s}
                  row={row}
                  col={col}
                  label={label}
                  onBook={onBook}
                />
              ),
            ];
          });
        })}
        {active.map((a) => {
          const date = dateOf(a.startsAt);
          if (!date) return null;
          const col = colOf(date, a.therapistId);
          if (col < 2) return null;
          const span = Math.max(1, Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / stepMs));
          const bufferSpan = Math.round((Date.parse(a.blockedUntil) - Date.parse(a.endsAt)) / stepMs);
          const type = data.appointmentTypes.find((x) => x.id === a.appointmentTypeId);
          const row = rowOf(a.startsAt);
          return [
            <AppointmentBlock
              key={a.id}
              appointment={a}
              row={row}
              col={col}
              span={span}
              colour={type?.colour ?? "#64748b"}
              typeName={type?.name ?? "Appointment"}
              timeZone={tz}
              draggable={canManage && isChangeable(a.status)}
              pending={pendingMoves.includes(a.id)}
              therapistName={therapistName.get(a.therapistId) ?? ""}
              onSelect={onSelect}
            />,
            bufferSpan > 0 ? (
              <div
                key={`${a.id}-buffer`}
                aria-hidden="true"
                className="z-[5] mx-1 bg-[repeating-linear-gradient(45deg,#e2e8f0,#e2e8f0_4px,#f8fafc_4px,#f8fafc_8px)]"
                style={{ gridRow: `${row + span} / span ${bufferSpan}`, gridColumn: col }}
                title="Buffer"
              />
            ) : null,
          ];
        })}
      </div>
    </div>
  );
});

/** A column's grey background, and the drop target for a drag onto that column. */
function ColumnBackground({ id, rows, col }: { id: string; rows: number; col: number }) {
  const { setNodeRef } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      className="border-l border-slate-200 bg-slate-100"
      style={{ gridRow: `2 / span ${rows}`, gridColumn: col }}
      aria-hidden="true"
    />
  );
}

// Memoised with plain props: a refetch after a move re-renders the grid, and all but a few
// of the thousands of cells are unchanged.
const FreeCell = memo(function FreeCell({
  therapistId,
  therapistName,
  start,
  row,
  col,
  label,
  onBook,
}: {
  therapistId: string;
  therapistName: string;
  start: number;
  row: number;
  col: number;
  label: string;
  onBook: (t: BookTarget) => void;
}) {
  return (
    <button
      type="button"
      onClick={() => onBook({ therapistId, therapistName, start: new Date(start).toISOString() })}
      aria-label={label}
      data-slot={`${therapistId}|${start}`}
      // "+ Book" is a pseudo-element, not a child: opening a dialog restyles every element on the
      // page (the modal makes the rest inert), and a week has thousands of these buttons.
      className="border-t border-slate-100 bg-white text-left text-xs after:hidden after:px-1 after:text-brand-800 after:content-['+_Book'] hover:bg-brand-50 hover:after:inline focus-visible:after:inline data-[over]:bg-brand-100"
      style={{ gridRow: row, gridColumn: col }}
    />
  );
});

const AppointmentBlock = memo(function AppointmentBlock({
  appointment: a,
  row,
  col,
  span,
  colour,
  typeName,
  timeZone,
  draggable,
  pending,
  therapistName,
  onSelect,
}: {
  appointment: CalendarAppointment;
  row: number;
  col: number;
  span: number;
  colour: string;
  typeName: string;
  timeZone: string;
  draggable: boolean;
  /** Moved here, the server's answer still to come: dragging it again would be refused as stale. */
  pending: boolean;
  therapistName: string;
  onSelect: (id: string) => void;
}) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: a.id,
    disabled: !draggable || pending,
  });
  const badges = [
    a.emergencyRedFlag ? "red flag" : null,
    a.intake === "done" ? "intake done" : a.intake === "not_done" ? "intake not done" : null,
    a.episodeVisit?.kind === "within"
      ? `visit ${a.episodeVisit.visitNumber} of ${a.episodeVisit.visitsAuthorized} authorised`
      : a.episodeVisit?.kind === "beyond"
        ? "beyond authorisation"
        : null,
  ].filter(Boolean);
  const label = `${timeLabel(a.startsAt, timeZone)} to ${timeLabel(a.endsAt, timeZone)}, ${a.patient.name}, ${typeName} with ${therapistName}, ${appointmentLabel(a.status, a.confirmedAt)}${badges.length ? `, ${badges.join(", ")}` : ""}${pending ? ", moving: waiting for the server" : ""}`;
  return (
    <button
      ref={setNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      onClick={() => onSelect(a.id)}
      aria-label={label}
      data-appointment-id={a.id}
      data-pending={pending || undefined}
      className={`relative z-10 mx-1 overflow-hidden rounded-md border px-2 py-1 text-left text-xs text-slate-900 shadow-sm ${STATUS_STYLE[a.status]} ${isDragging ? "opacity-80 shadow-lg" : ""} ${pending ? "border-dashed border-brand-700 ring-2 ring-brand-600" : "border-slate-300"}`}
      style={{
        gridRow: `${row} / span ${span}`,
        gridColumn: col,
        borderLeft: `6px solid ${colour}`,
        transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined,
        touchAction: draggable ? "none" : undefined,
      }}
    >
      <span className="block font-semibold">{a.patient.name}</span>
      <span className="block">
        {timeLabel(a.startsAt, timeZone)} · {typeName}
      </span>
      <span className="mt-0.5 flex flex-wrap gap-1">
        {pending && <span className="rounded bg-brand-800 px-1 font-semibold text-white">Moving…</span>}
        {(a.status !== "booked" || a.confirmedAt) && (
          <span className="rounded bg-slate-800 px-1 text-white">{appointmentLabel(a.status, a.confirmedAt)}</span>
        )}
        {a.emergencyRedFlag && <span className="rounded bg-red-700 px-1 font-semibold text-white">Red flag</span>}
        {a.intake === "done" && <span className="rounded bg-emerald-800 px-1 text-white">Intake done</span>}
        {a.intake === "not_done" && <span className="rounded bg-amber-800 px-1 text-white">No intake</span>}
        {a.episodeVisit?.kind === "within" && (
          <span className="rounded bg-slate-200 px-1 text-slate-900">
            {a.episodeVisit.visitNumber}/{a.episodeVisit.visitsAuthorized}
          </span>
        )}
        {a.episodeVisit?.kind === "beyond" && (
          <span className="rounded bg-amber-800 px-1 font-semibold text-white">Over auth.</span>
        )}
      </span>
    </button>
  );
});

function CancelledList({ data, onSelect }: { data: CalendarData; onSelect: (id: string) => void }) {
  const cancelled = data.appointments.filter((a) => a.status === "cancelled");
  if (!cancelled.length) return null;
  return (
    <section aria-labelledby="cancelled-heading">
      <h3 id="cancelled-heading" className="font-semibold">
        Cancelled ({cancelled.length})
      </h3>
      <ul className="mt-2 flex flex-col gap-1">
        {cancelled.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              onClick={() => onSelect(a.id)}
              className="min-h-11 text-left text-brand-800 underline"
            >
              {dateLabel(a.startsAt, data.timeZone, "short")} {timeLabel(a.startsAt, data.timeZone)} · {a.patient.name}
              {a.lateCancellation ? " · late cancellation" : ""}
              {a.cancelReason ? ` · ${a.cancelReason}` : ""}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
