import type { Metadata } from "next";
import {
  AppointmentTypeForm,
  BookingSettingsForm,
  OverrideForm,
  RemoveOverrideButton,
  WaitlistSettingsForm,
  WeeklyHoursForm,
} from "@/components/booking/admin-forms";
import { ReminderScheduleForm } from "@/components/booking/reminder-schedule-form";
import { EpisodeSettingsForm } from "@/components/episodes/episode-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listAppointmentTypes } from "@/lib/booking/appointment-types";
import { getBookingSettings } from "@/lib/booking/booking-settings";
import { getReminderSchedule } from "@/lib/booking/reminder-schedule";
import { getEpisodeSettings } from "@/lib/episodes/episode-settings";
import { listTherapistSchedules } from "@/lib/booking/therapist-schedules";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { formatIsoDateOnly } from "@/lib/time/format";
import { clinicToday } from "@/lib/booking/clock";
import { minuteToHhmm } from "@/lib/time/calendar-rules";
import { getWaitlistSettings } from "@/lib/waitlist/waitlist-settings";

export const metadata: Metadata = { title: "Booking setup" };

export default async function BookingSetupPage() {
  const actor = await requirePageActor("/clinic/admin/booking", "clinic:configure");
  const clinic = await getOwnClinic(actor);
  const [settings, reminders, waitlist, episodeSettings, types, schedules] = await Promise.all([
    getBookingSettings(actor),
    getReminderSchedule(actor),
    getWaitlistSettings(actor),
    getEpisodeSettings(actor),
    listAppointmentTypes(actor, { includeInactive: true }),
    listTherapistSchedules(actor, clinicToday(clinic.timeZone)),
  ]);
  return (
    <>
      <PageHeader
        title="Booking setup"
        subtitle={`Appointment types, hours and rules. Times are in ${clinic.timeZone.replaceAll("_", " ")}.`}
      />
      <div className="flex flex-col gap-4">
        <Card title="Booking rules">
          <BookingSettingsForm settings={settings} />
        </Card>
        <Card title="Reminders">
          <ReminderScheduleForm rules={reminders.rules} isDefault={reminders.isDefault} />
        </Card>
        <Card title="Waitlist offers">
          <WaitlistSettingsForm settings={waitlist} />
        </Card>
        <Card title="Episodes of care: re-evaluation">
          <EpisodeSettingsForm
            settings={{
              reevalEveryVisits: episodeSettings.reevalEveryVisits,
              reevalEveryDays: episodeSettings.reevalEveryDays,
            }}
          />
        </Card>
        <Card title="Appointment types">
          <div className="flex flex-col gap-3">
            {types.map((t) => (
              <AppointmentTypeForm key={t.id} type={t} />
            ))}
            <h3 className="mt-2 font-semibold">Add a type</h3>
            <AppointmentTypeForm />
          </div>
        </Card>
        {schedules.map((t) => (
          <Card key={t.id} title={`Weekly hours: ${t.name}`}>
            <WeeklyHoursForm therapistId={t.id} therapistName={t.name} weekly={t.weekly} />
          </Card>
        ))}
        <Card title="Date overrides (time off, extra hours)">
          <OverrideForm therapists={schedules.map((t) => ({ id: t.id, name: t.name }))} />
          <ul className="mt-4 divide-y divide-slate-200">
            {schedules.flatMap((t) =>
              t.overrides.map((o) => {
                const label = `${t.name}, ${formatIsoDateOnly(o.date)}: ${o.kind === "time_off" ? "time off" : "extra hours"}${o.startMinute !== null && o.endMinute !== null ? ` ${minuteToHhmm(o.startMinute)}–${minuteToHhmm(o.endMinute)}` : " (whole day)"}`;
                return (
                  <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {label}
                      {o.note ? ` · ${o.note}` : ""}
                    </span>
                    <RemoveOverrideButton id={o.id} label={label} />
                  </li>
                );
              }),
            )}
            {schedules.every((t) => !t.overrides.length) && (
              <li className="py-2 text-slate-700">No upcoming overrides.</li>
            )}
          </ul>
        </Card>
      </div>
    </>
  );
}
