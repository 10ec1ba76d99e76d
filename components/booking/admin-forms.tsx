"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import {
  addOverrideAction,
  removeOverrideAction,
  saveAppointmentTypeAction,
  saveBookingSettingsAction,
  setWeeklyHoursAction,
} from "@/app/(staff)/clinic/admin/booking/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";

type FieldErrors = Record<string, string[]>;

/** Runs a server action from a form and shows its outcome next to it. */
function useActionForm<T>(action: (input: unknown) => Promise<ActionResult<T>>, success: (data: T) => string) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const run = (input: unknown) =>
    start(async () => {
      const r = await action(input);
      if (r.ok) {
        setErrors({});
        setMessage({ tone: "success", text: success(r.data) });
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setMessage({ tone: "danger", text: r.message });
      }
    });
  const banner: ReactNode = message ? (
    <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
      {message.text}
    </Alert>
  ) : null;
  return { pending, errors, banner, run };
}

export type Settings = {
  bookingWindowDays: number;
  minimumNoticeMinutes: number;
  lateCancellationHours: number;
  slotStepMinutes: number;
  reminderLeadHours: number;
};

export function BookingSettingsForm({ settings }: { settings: Settings }) {
  const { pending, errors, banner, run } = useActionForm(saveBookingSettingsAction, () => "Booking rules saved.");
  return (
    <form
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        run(Object.fromEntries(new FormData(e.currentTarget)));
      }}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
    >
      {banner && <div className="sm:col-span-2">{banner}</div>}
      <TextField
        label="Booking window (days ahead)"
        name="bookingWindowDays"
        type="number"
        min={1}
        max={730}
        defaultValue={settings.bookingWindowDays}
        errors={errors.bookingWindowDays}
      />
      <TextField
        label="Minimum notice for online booking (minutes)"
        name="minimumNoticeMinutes"
        type="number"
        min={0}
        defaultValue={settings.minimumNoticeMinutes}
        errors={errors.minimumNoticeMinutes}
      />
      <TextField
        label="Late-cancellation window (hours)"
        name="lateCancellationHours"
        type="number"
        min={0}
        max={168}
        defaultValue={settings.lateCancellationHours}
        errors={errors.lateCancellationHours}
      />
      <TextField
        label="Slot step (minutes)"
        name="slotStepMinutes"
        type="number"
        min={5}
        max={120}
        defaultValue={settings.slotStepMinutes}
        errors={errors.slotStepMinutes}
      />
      <TextField
        label="Reminder before the visit (hours)"
        name="reminderLeadHours"
        type="number"
        min={1}
        max={168}
        defaultValue={settings.reminderLeadHours}
        errors={errors.reminderLeadHours}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save booking rules"}
        </Button>
      </div>
    </form>
  );
}

export type TypeRow = {
  id?: string;
  name: string;
  durationMinutes: number;
  bufferAfterMinutes: number;
  colour: string;
  onlineBookable: boolean;
  active: boolean;
};

export function AppointmentTypeForm({ type }: { type?: TypeRow }) {
  const { pending, errors, banner, run } = useActionForm(saveAppointmentTypeAction, (d) => `Saved “${d.name}”.`);
  const [formKey, setFormKey] = useState(0);
  return (
    <form
      key={formKey}
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({
          ...Object.fromEntries(f),
          id: type?.id,
          onlineBookable: f.get("onlineBookable") === "on",
          active: f.get("active") === "on",
        });
        if (!type) setFormKey((k) => k + 1);
      }}
      noValidate
      aria-label={type ? `Edit ${type.name}` : "Add an appointment type"}
      className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-3"
    >
      {banner && <div className="sm:col-span-3">{banner}</div>}
      <TextField label="Name" name="name" defaultValue={type?.name} errors={errors.name} />
      <TextField
        label="Duration (minutes)"
        name="durationMinutes"
        type="number"
        min={5}
        max={480}
        defaultValue={type?.durationMinutes ?? 45}
        errors={errors.durationMinutes}
      />
      <TextField
        label="Buffer after (minutes)"
        name="bufferAfterMinutes"
        type="number"
        min={0}
        max={120}
        defaultValue={type?.bufferAfterMinutes ?? 15}
        errors={errors.bufferAfterMinutes}
      />
      <TextField
        label="Colour"
        name="colour"
        type="color"
        defaultValue={type?.colour ?? "#0f766e"}
        errors={errors.colour}
        className="h-11 p-1"
      />
      <label className="flex min-h-11 items-center gap-2 self-end">
        <input type="checkbox" name="onlineBookable" defaultChecked={type?.onlineBookable ?? true} className="size-5" />{" "}
        Patients can book online
      </label>
      <label className="flex min-h-11 items-center gap-2 self-end">
        <input type="checkbox" name="active" defaultChecked={type?.active ?? true} className="size-5" /> Active
      </label>
      <div className="sm:col-span-3">
        <Button type="submit" variant={type ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Saving…" : type ? `Save ${type.name}` : "Add type"}
        </Button>
      </div>
    </form>
  );
}

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export type WeeklyRow = { weekday: number; kind: "work" | "break"; startMinute: number; endMinute: number };

/** One working block and one break per day (the model allows more; this covers a clinic's usual week). */
export function WeeklyHoursForm({
  therapistId,
  therapistName,
  weekly,
}: {
  therapistId: string;
  therapistName: string;
  weekly: WeeklyRow[];
}) {
  const { pending, errors, banner, run } = useActionForm(setWeeklyHoursAction, () => `Saved ${therapistName}'s hours.`);
  const find = (weekday: number, kind: "work" | "break") =>
    weekly.find((b) => b.weekday === weekday && b.kind === kind);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (n: string) => String(f.get(n) ?? "").trim();
    const days = DAY_NAMES.map((_, i) => {
      const w = i + 1;
      return {
        weekday: w,
        work: v(`start-${w}`) || v(`end-${w}`) ? [{ start: v(`start-${w}`), end: v(`end-${w}`) }] : [],
        breaks: v(`bstart-${w}`) || v(`bend-${w}`) ? [{ start: v(`bstart-${w}`), end: v(`bend-${w}`) }] : [],
      };
    });
    run({ therapistId, days });
  }
  const errorFor = (i: number) =>
    Object.entries(errors)
      .filter(([k]) => k.startsWith(`days.${i}.`))
      .flatMap(([, v]) => v);
  return (
    <form onSubmit={submit} noValidate aria-label={`Weekly hours for ${therapistName}`} className="flex flex-col gap-3">
      {banner}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Weekly hours for {therapistName}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-2">
                Day
              </th>
              <th scope="col" className="py-1 pr-2">
                Starts
              </th>
              <th scope="col" className="py-1 pr-2">
                Ends
              </th>
              <th scope="col" className="py-1 pr-2">
                Break from
              </th>
              <th scope="col" className="py-1 pr-2">
                Break until
              </th>
            </tr>
          </thead>
          <tbody>
            {DAY_NAMES.map((day, i) => {
              const w = i + 1;
              const work = find(w, "work");
              const brk = find(w, "break");
              const err = errorFor(i);
              const cell = (name: string, value: number | undefined, label: string) => (
                <td className="py-1 pr-2">
                  <input
                    type="time"
                    name={`${name}-${w}`}
                    defaultValue={value !== undefined ? hhmm(value) : ""}
                    aria-label={`${day} ${label} (${therapistName})`}
                    className="min-h-11 rounded-lg border border-slate-400 px-2"
                  />
                </td>
              );
              return (
                <tr key={day}>
                  <th scope="row" className="py-1 pr-2 font-medium">
                    {day}
                    {err.length > 0 && <span className="block text-sm font-medium text-red-700">{err.join(" ")}</span>}
                  </th>
                  {cell("start", work?.startMinute, "starts")}
                  {cell("end", work?.endMinute, "ends")}
                  {cell("bstart", brk?.startMinute, "break from")}
                  {cell("bend", brk?.endMinute, "break until")}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700">Leave a day empty for no hours. Times are the clinic&apos;s local time.</p>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : `Save ${therapistName}'s hours`}
        </Button>
      </div>
    </form>
  );
}

export function OverrideForm({ therapists }: { therapists: Array<{ id: string; name: string }> }) {
  const { pending, errors, banner, run } = useActionForm(addOverrideAction, () => "Date override added.");
  return (
    <form
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        run(Object.fromEntries(new FormData(e.currentTarget)));
      }}
      noValidate
      aria-label="Add a date override"
      className="grid gap-3 sm:grid-cols-3"
    >
      {banner && <div className="sm:col-span-3">{banner}</div>}
      <SelectField label="Therapist" name="therapistId" errors={errors.therapistId}>
        {therapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Date" name="date" type="date" errors={errors.date} />
      <SelectField label="Kind" name="kind" errors={errors.kind}>
        <option value="time_off">Time off</option>
        <option value="extra_hours">Extra hours</option>
      </SelectField>
      <TextField label="From (empty = whole day off)" name="start" type="time" errors={errors.start} />
      <TextField label="Until" name="end" type="time" errors={errors.end} />
      <TextField label="Note" name="note" errors={errors.note} />
      <div className="sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add override"}
        </Button>
      </div>
    </form>
  );
}

export function RemoveOverrideButton({ id, label }: { id: string; label: string }) {
  const { pending, banner, run } = useActionForm(removeOverrideAction, () => "Removed.");
  return (
    <>
      <Button variant="ghost" disabled={pending} onClick={() => run(id)} aria-label={`Remove ${label}`}>
        Remove
      </Button>
      {banner}
    </>
  );
}
