"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { saveClinicSettingsAction } from "@/app/(staff)/clinic/admin/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { timeZonesByArea } from "@/lib/clinics/time-zone-rules";

type Values = { name: string; address: string; phone: string; email: string; timeZone: string };
type FieldErrors = Record<string, string[]>;

const zoneName = (zone: string) => zone.replaceAll("_", " ");

function formatIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}

export function ClinicSettingsForm({
  settings,
  upcomingVisits,
  example,
  timeZones,
}: {
  settings: Values & { updatedAt: string };
  upcomingVisits: number;
  /** A visit to show at its old and new local time: the next booked one, or a made-up one tomorrow morning. */
  example: { at: string; booked: boolean };
  timeZones: string[];
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [confirming, setConfirming] = useState<Values | null>(null);
  const [seenUpdatedAt, setSeenUpdatedAt] = useState(settings.updatedAt);
  const zones = timeZones.includes(settings.timeZone) ? timeZones : [settings.timeZone, ...timeZones];

  const save = (values: Values, confirmTimeZoneChange: boolean) =>
    start(async () => {
      const r = await saveClinicSettingsAction({ ...values, confirmTimeZoneChange, expectedUpdatedAt: seenUpdatedAt });
      setConfirming(null);
      if (r.ok) {
        setErrors({});
        setSeenUpdatedAt(r.data.updatedAt);
        setMessage({
          tone: "success",
          text: r.data.changed.length
            ? "Clinic settings saved."
            : "Nothing changed: the settings were already like this.",
        });
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setMessage({ tone: "danger", text: r.message });
      }
    });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Values;
    if (values.timeZone !== settings.timeZone) setConfirming(values);
    else save(values, false);
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        {message && (
          <div className="sm:col-span-2">
            <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
              {message.text}
            </Alert>
          </div>
        )}
        <TextField
          label="Clinic name"
          name="name"
          defaultValue={settings.name}
          autoComplete="organization"
          errors={errors.name}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          defaultValue={settings.phone}
          autoComplete="tel"
          errors={errors.phone}
        />
        <div className="sm:col-span-2">
          <TextField
            label="Address"
            name="address"
            defaultValue={settings.address}
            autoComplete="street-address"
            errors={errors.address}
          />
        </div>
        <TextField
          label="Email"
          name="email"
          type="email"
          hint="Red-flag alerts are sent here, and patients see it on their calendar invitations."
          defaultValue={settings.email}
          autoComplete="email"
          errors={errors.email}
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          hint="The calendar, working hours and reminders run in this zone."
          defaultValue={settings.timeZone}
          errors={errors.timeZone}
        >
          {timeZonesByArea(zones).map((group) => (
            <optgroup key={group.area} label={group.area}>
              {group.zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneName(zone)}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save settings"}
          </Button>
        </div>
      </form>
      <Modal open={confirming !== null} title="Change the time zone?" onClose={() => setConfirming(null)}>
        {confirming && (
          <ZoneChangeExplanation
            from={settings.timeZone}
            to={confirming.timeZone}
            upcomingVisits={upcomingVisits}
            example={example}
          />
        )}
        <div className="mt-5 flex flex-wrap gap-2">
          <Button onClick={() => confirming && save(confirming, true)} disabled={pending}>
            {pending ? "Saving…" : "Change time zone and save"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
        </div>
      </Modal>
    </>
  );
}

function ZoneChangeExplanation({
  from,
  to,
  upcomingVisits,
  example,
}: {
  from: string;
  to: string;
  upcomingVisits: number;
  example: { at: string; booked: boolean };
}) {
  const before = formatIn(example.at, from);
  const after = formatIn(example.at, to);
  return (
    <div className="flex flex-col gap-3">
      <p>
        From <strong>{zoneName(from)}</strong> to <strong>{zoneName(to)}</strong>.
      </p>
      <ul className="flex list-disc flex-col gap-2 pl-5">
        <li>
          <strong>Weekly hours stay in local time.</strong> Hours of 9:00 AM to 5:00 PM stay 9:00 AM to 5:00 PM, now in{" "}
          {zoneName(to)}. Date overrides keep their dates and times too.
        </li>
        <li>
          <strong>Booked visits keep their moment in time</strong> and show at the new local time.{" "}
          {example.booked ? "The next visit, " : "For example, a visit at "}
          {before} ({zoneName(from)}), will show as {after}.
        </li>
        <li>
          {upcomingVisits === 0
            ? "No upcoming visits are booked, so none is affected."
            : `${upcomingVisits} upcoming visit${upcomingVisits === 1 ? " is" : "s are"} affected.`}{" "}
          Nothing is moved or cancelled and nobody is emailed; check the calendar afterwards for visits that now fall
          outside working hours.
        </li>
      </ul>
    </div>
  );
}
