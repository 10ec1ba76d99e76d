"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { saveClinicSettingsAction } from "@/app/(staff)/clinic/admin/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useServerForm } from "@/components/ui/use-server-form";
import { timeZonesByArea } from "@/lib/clinics/time-zone-rules";

type Values = { name: string; address: string; phone: string; email: string; timeZone: string; country: string };

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
  countries,
}: {
  settings: Values & { updatedAt: string };
  upcomingVisits: number;
  /** A visit to show at its old and new local time: the next booked one, or a made-up one tomorrow morning. */
  example: { at: string; booked: boolean };
  timeZones: string[];
  countries: Array<{ code: string; name: string }>;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Values | null>(null);
  const [seenUpdatedAt, setSeenUpdatedAt] = useState(settings.updatedAt);
  const zones = timeZones.includes(settings.timeZone) ? timeZones : [settings.timeZone, ...timeZones];
  // A new zone is saved only from the dialog that explains what changes; the form's own submit asks first.
  const confirmed = useRef(false);

  const { onSubmit, pending, formError, field } = useServerForm<Values, { updatedAt: string; changed: string[] }>({
    defaultValues: {
      name: settings.name,
      address: settings.address,
      phone: settings.phone,
      email: settings.email,
      timeZone: settings.timeZone,
      country: settings.country,
    },
    submit: async (values) => {
      setSaved(null);
      const confirmTimeZoneChange = confirmed.current;
      confirmed.current = false;
      if (values.timeZone !== settings.timeZone && !confirmTimeZoneChange) {
        setConfirming(values);
        return null;
      }
      const r = await saveClinicSettingsAction({ ...values, confirmTimeZoneChange, expectedUpdatedAt: seenUpdatedAt });
      setConfirming(null);
      return r;
    },
    onSuccess: (data) => {
      setSeenUpdatedAt(data.updatedAt);
      setSaved(
        data.changed.length ? "Clinic settings saved." : "Nothing changed: the settings were already like this.",
      );
      router.refresh();
    },
  });
  const message = saved
    ? { tone: "success" as const, text: saved }
    : formError
      ? { tone: "danger" as const, text: formError }
      : null;

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
        <TextField label="Clinic name" autoComplete="organization" {...field("name")} />
        <TextField label="Phone" type="tel" autoComplete="tel" {...field("phone")} />
        <div className="sm:col-span-2">
          <TextField label="Address" autoComplete="street-address" {...field("address")} />
        </div>
        <TextField
          label="Email"
          type="email"
          hint="Red-flag alerts are sent here, and patients see it on their calendar invitations."
          autoComplete="email"
          {...field("email")}
        />
        <SelectField
          label="Time zone"
          hint="The calendar, working hours and reminders run in this zone."
          {...field("timeZone")}
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
        <SelectField
          label="Country"
          hint="Patients' phone numbers typed without + are read as numbers of this country."
          {...field("country")}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
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
          <Button
            onClick={() => {
              confirmed.current = true;
              void onSubmit();
            }}
            disabled={pending}
          >
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
