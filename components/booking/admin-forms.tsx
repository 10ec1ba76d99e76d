"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { DefaultValues } from "react-hook-form";
import {
  addOverrideAction,
  removeOverrideAction,
  saveAppointmentTypeAction,
  saveBookingSettingsAction,
  saveWaitlistSettingsAction,
  setWeeklyHoursAction,
} from "@/app/(staff)/clinic/admin/booking/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FieldErrors } from "@/lib/errors";
import type { ActionResult } from "@/lib/http/action-result";
import { WAITLIST_SETTING_LIMITS as LIMITS, type WaitlistSettings } from "@/lib/waitlist/waitlist-settings-rules";

type Banner = { tone: "success" | "danger"; text: string } | null;

/**
 * These forms save through server actions and say how it went next to the
 * form: a success line, or the server's message (its field errors also go
 * beside the fields, through useServerForm).
 */
function useAdminForm<V extends Record<string, unknown>, T>(
  action: (input: unknown) => Promise<ActionResult<T>>,
  success: (data: T) => string,
  defaultValues: V,
  toInput: (values: V) => unknown = (values) => values,
  resetOnSuccess = false,
) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const server = useServerForm<V, T>({
    defaultValues: defaultValues as DefaultValues<V>,
    submit: (values) => {
      setSaved(null);
      return action(toInput(values));
    },
    onSuccess: (data) => {
      setSaved(success(data));
      router.refresh();
    },
    resetOnSuccess,
  });
  const message: Banner = saved
    ? { tone: "success", text: saved }
    : server.formError
      ? { tone: "danger", text: server.formError }
      : null;
  const banner: ReactNode = message ? (
    <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
      {message.text}
    </Alert>
  ) : null;
  return { ...server, banner };
}

export type Settings = {
  bookingWindowDays: number;
  minimumNoticeMinutes: number;
  lateCancellationHours: number;
  slotStepMinutes: number;
};

export function BookingSettingsForm({ settings }: { settings: Settings }) {
  const { onSubmit, pending, banner, field } = useAdminForm(
    saveBookingSettingsAction,
    () => "Booking rules saved.",
    settings,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {banner && <div className="sm:col-span-2">{banner}</div>}
      <TextField label="Booking window (days ahead)" type="number" min={1} max={730} {...field("bookingWindowDays")} />
      <TextField
        label="Minimum notice for online booking (minutes)"
        type="number"
        min={0}
        {...field("minimumNoticeMinutes")}
      />
      <TextField
        label="Late-cancellation window (hours)"
        type="number"
        min={0}
        max={168}
        {...field("lateCancellationHours")}
      />
      <TextField label="Slot step (minutes)" type="number" min={5} max={120} {...field("slotStepMinutes")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save booking rules"}
        </Button>
      </div>
    </form>
  );
}

/** How a freed time is offered from the waitlist: how many patients at once, and how long each offer is held. */
export function WaitlistSettingsForm({ settings }: { settings: WaitlistSettings }) {
  const { onSubmit, pending, banner, field } = useAdminForm(
    saveWaitlistSettingsAction,
    () => "Waitlist offer settings saved.",
    settings,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Waitlist offers" className="grid gap-4 sm:grid-cols-2">
      {banner && <div className="sm:col-span-2">{banner}</div>}
      <p className="text-sm text-slate-700 sm:col-span-2">
        When a time frees up, matching waitlist patients (urgent first, then the longest waiting) are offered it by
        email or text. The first to accept gets it; if nobody does, the next ones are offered. No offers go out for a
        time less than 2 hours away.
      </p>
      <TextField
        label="Patients offered a time at once"
        type="number"
        min={LIMITS.offersAtOnce.min}
        max={LIMITS.offersAtOnce.max}
        {...field("offersAtOnce")}
      />
      <TextField
        label="Minutes each offer is held"
        type="number"
        min={LIMITS.holdMinutes.min}
        max={LIMITS.holdMinutes.max}
        {...field("holdMinutes")}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save waitlist offers"}
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
  const { form, onSubmit, pending, banner, field } = useAdminForm(
    saveAppointmentTypeAction,
    (d) => `Saved “${d.name}”.`,
    {
      name: type?.name ?? "",
      durationMinutes: type?.durationMinutes ?? 45,
      bufferAfterMinutes: type?.bufferAfterMinutes ?? 15,
      colour: type?.colour ?? "#0f766e",
      onlineBookable: type?.onlineBookable ?? true,
      active: type?.active ?? true,
    },
    (values) => ({ ...values, id: type?.id }),
    // "Add type" starts empty again; an existing type's form keeps what was saved.
    !type,
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={type ? `Edit ${type.name}` : "Add an appointment type"}
      className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-3"
    >
      {banner && <div className="sm:col-span-3">{banner}</div>}
      <TextField label="Name" {...field("name")} />
      <TextField label="Duration (minutes)" type="number" min={5} max={480} {...field("durationMinutes")} />
      <TextField label="Buffer after (minutes)" type="number" min={0} max={120} {...field("bufferAfterMinutes")} />
      <TextField label="Colour" type="color" {...field("colour")} className="h-11 p-1" />
      <label className="flex min-h-11 items-center gap-2 self-end">
        <input type="checkbox" className="size-5" {...form.register("onlineBookable")} /> Patients can book online
      </label>
      <label className="flex min-h-11 items-center gap-2 self-end">
        <input type="checkbox" className="size-5" {...form.register("active")} /> Active
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
  const find = (weekday: number, kind: "work" | "break") =>
    weekly.find((b) => b.weekday === weekday && b.kind === kind);
  const at = (weekday: number, kind: "work" | "break", edge: "startMinute" | "endMinute") => {
    const minute = find(weekday, kind)?.[edge];
    return minute !== undefined ? hhmm(minute) : "";
  };
  const cells = Object.fromEntries(
    DAY_NAMES.flatMap((_, i) => {
      const w = i + 1;
      return [
        [`start-${w}`, at(w, "work", "startMinute")],
        [`end-${w}`, at(w, "work", "endMinute")],
        [`bstart-${w}`, at(w, "break", "startMinute")],
        [`bend-${w}`, at(w, "break", "endMinute")],
      ];
    }),
  ) as Record<string, string>;
  const [dayErrors, setDayErrors] = useState<FieldErrors>({});
  const { form, onSubmit, pending, banner } = useAdminForm(
    async (input) => {
      const result = await setWeeklyHoursAction(input);
      // The server names a day's problems by its index (days.3.work...): shown on that day's row.
      setDayErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      return result;
    },
    () => `Saved ${therapistName}'s hours.`,
    cells,
    (values) => {
      const v = (n: string) => String(values[n] ?? "").trim();
      const days = DAY_NAMES.map((_, i) => {
        const w = i + 1;
        return {
          weekday: w,
          work: v(`start-${w}`) || v(`end-${w}`) ? [{ start: v(`start-${w}`), end: v(`end-${w}`) }] : [],
          breaks: v(`bstart-${w}`) || v(`bend-${w}`) ? [{ start: v(`bstart-${w}`), end: v(`bend-${w}`) }] : [],
        };
      });
      return { therapistId, days };
    },
  );
  const errorFor = (i: number) =>
    Object.entries(dayErrors)
      .filter(([k]) => k.startsWith(`days.${i}.`))
      .flatMap(([, v]) => v);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Weekly hours for ${therapistName}`}
      className="flex flex-col gap-3"
    >
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
              const err = errorFor(i);
              const cell = (name: string, label: string) => (
                <td className="py-1 pr-2">
                  <input
                    type="time"
                    {...form.register(`${name}-${w}`)}
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
                  {cell("start", "starts")}
                  {cell("end", "ends")}
                  {cell("bstart", "break from")}
                  {cell("bend", "break until")}
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
  const { onSubmit, pending, banner, field } = useAdminForm(addOverrideAction, () => "Date override added.", {
    therapistId: therapists[0]?.id ?? "",
    date: "",
    kind: "time_off",
    start: "",
    end: "",
    note: "",
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a date override" className="grid gap-3 sm:grid-cols-3">
      {banner && <div className="sm:col-span-3">{banner}</div>}
      <SelectField label="Therapist" {...field("therapistId")}>
        {therapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Date" type="date" {...field("date")} />
      <SelectField label="Kind" {...field("kind")}>
        <option value="time_off">Time off</option>
        <option value="extra_hours">Extra hours</option>
      </SelectField>
      <TextField label="From (empty = whole day off)" type="time" {...field("start")} />
      <TextField label="Until" type="time" {...field("end")} />
      <TextField label="Note" {...field("note")} />
      <div className="sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add override"}
        </Button>
      </div>
    </form>
  );
}

export function RemoveOverrideButton({ id, label }: { id: string; label: string }) {
  const { onSubmit, pending, banner } = useAdminForm(
    removeOverrideAction,
    () => "Removed.",
    {},
    () => id,
  );
  return (
    <>
      <Button variant="ghost" disabled={pending} onClick={() => void onSubmit()} aria-label={`Remove ${label}`}>
        Remove
      </Button>
      {banner}
    </>
  );
}
