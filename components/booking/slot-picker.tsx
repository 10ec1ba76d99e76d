"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { addDaysIso, bookingApi, dateLabel, localDate, timeLabel, todayInZone, type SlotsData } from "./booking-api";

export type PickedSlot = { start: string; therapistId: string; therapistName: string };

const WINDOW_DAYS = 28;

/**
 * Four weeks of free times at once (one request), grouped by day, in the
 * clinic's zone with the zone named; the patient picks a day, then a time.
 */
export function SlotPicker({
  appointmentTypeId,
  therapistId,
  timeZone,
  onPick,
  picked,
}: {
  appointmentTypeId: string;
  therapistId: string | null;
  timeZone: string;
  onPick: (slot: PickedSlot) => void;
  picked: PickedSlot | null;
}) {
  const [from, setFrom] = useState(() => todayInZone(timeZone));
  const [day, setDay] = useState<string | null>(null);
  const dayId = useId();
  const to = addDaysIso(from, WINDOW_DAYS - 1);
  const { data, isFetching, error } = useQuery({
    queryKey: ["slots", appointmentTypeId, therapistId, from],
    queryFn: () => bookingApi.slots({ query: { appointmentTypeId, from, to, therapistId: therapistId || undefined } }),
    enabled: Boolean(appointmentTypeId),
  });
  const byDay = new Map<string, SlotsData["slots"]>();
  for (const s of data?.slots ?? []) {
    const d = localDate(s.start, timeZone);
    byDay.set(d, [...(byDay.get(d) ?? []), s]);
  }
  const days = [...byDay.keys()];
  const chosenDay = day && byDay.has(day) ? day : (days[0] ?? null);
  return (
    <div className="flex flex-col gap-3">
      {data && <p className="text-sm text-slate-700">Times are in {data.timeZoneName}.</p>}
      <div aria-live="polite" className="text-sm">
        {isFetching
          ? "Finding free times…"
          : error
            ? error.message
            : data && !days.length
              ? "No free times in these four weeks."
              : ""}
      </div>
      {days.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor={dayId} className="font-medium">
            Day
          </label>
          <select
            id={dayId}
            value={chosenDay ?? ""}
            onChange={(e) => setDay(e.target.value)}
            className="min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3"
          >
            {days.map((d) => (
              <option key={d} value={d}>
                {dateLabel(`${d}T12:00:00Z`, "UTC")} ({byDay.get(d)!.length} times)
              </option>
            ))}
          </select>
        </div>
      )}
      {chosenDay && (
        <fieldset>
          <legend className="font-medium">Time</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {byDay.get(chosenDay)!.map((s) => {
              // "Any therapist": the first free one; the name is shown before booking.
              const therapist = data!.therapists[s.therapistIndexes[0]!]!;
              const selected = picked?.start === s.start;
              return (
                <Button
                  key={s.start}
                  variant={selected ? "primary" : "secondary"}
                  aria-pressed={selected}
                  onClick={() => onPick({ start: s.start, therapistId: therapist.id, therapistName: therapist.name })}
                >
                  {timeLabel(s.start, timeZone)}
                </Button>
              );
            })}
          </div>
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="ghost"
          disabled={from <= todayInZone(timeZone)}
          onClick={() => setFrom(addDaysIso(from, -WINDOW_DAYS))}
        >
          Earlier dates
        </Button>
        <Button variant="ghost" onClick={() => setFrom(addDaysIso(from, WINDOW_DAYS))}>
          Later dates
        </Button>
      </div>
    </div>
  );
}
