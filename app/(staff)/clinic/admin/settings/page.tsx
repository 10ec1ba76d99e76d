import type { Metadata } from "next";
import { ClinicSettingsForm } from "@/components/clinics/clinic-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { supportedTimeZones } from "@/lib/clinics/time-zone-rules";
import { countryOptions } from "@/lib/patients/phone-number-rules";
import { clinicToday } from "@/lib/booking/clock";
import { addDays, instantOfLocal } from "@/lib/time/calendar-rules";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  const actor = await requirePageActor("/clinic/admin/settings", "clinic:configure");
  const settings = await getClinicSettings(actor);
  // With nothing booked, the time zone confirmation shows a made-up visit tomorrow at 10:00 AM instead.
  const example = settings.nextVisitAt
    ? { at: settings.nextVisitAt.toISOString(), booked: true }
    : {
        at: new Date(
          instantOfLocal(addDays(clinicToday(settings.timeZone), 1), 10 * 60, settings.timeZone),
        ).toISOString(),
        booked: false,
      };
  return (
    <>
      <PageHeader
        title="Clinic settings"
        subtitle="How the clinic appears to patients and staff, and the time zone its calendar runs in."
      />
      <Card>
        <ClinicSettingsForm
          settings={{
            name: settings.name,
            address: settings.address,
            phone: settings.phone,
            email: settings.email ?? "",
            timeZone: settings.timeZone,
            country: settings.country,
            updatedAt: settings.updatedAt.toISOString(),
          }}
          upcomingVisits={settings.upcomingVisits}
          example={example}
          timeZones={[...supportedTimeZones()]}
          countries={countryOptions()}
        />
      </Card>
    </>
  );
}
