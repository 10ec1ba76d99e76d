import type { Metadata } from "next";
import { FrontDeskCalendar } from "@/components/booking/front-desk-calendar";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { clinicToday } from "@/lib/booking/clock";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage() {
  const actor = await requirePageActor("/clinic/calendar", "schedule:read");
  const clinic = await getOwnClinic(actor);
  const canManage = can(actor, "appointment:manage");
  return (
    <>
      <PageHeader
        title="Calendar"
        subtitle={
          canManage
            ? "Click free time to book; drag an appointment, or open it and choose Move, to move it."
            : "The clinic's schedule."
        }
      />
      <FrontDeskCalendar initialDate={clinicToday(clinic.timeZone)} timeZone={clinic.timeZone} canManage={canManage} />
    </>
  );
}
