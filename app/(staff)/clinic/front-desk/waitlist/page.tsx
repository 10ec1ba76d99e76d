import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { StaffWaitlist } from "@/components/waitlist/staff-waitlist";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/authorize";
import { listAppointmentTypes } from "@/lib/booking/appointment-types";
import { listTherapists } from "@/lib/booking/therapist-schedules";
import { zoneNameNow } from "@/lib/booking/clock";
import { entryFormDates } from "@/lib/waitlist/entry-form-context";
import { listFreedTimes } from "@/lib/waitlist/list-freed-times";
import { listWaitlistEntries } from "@/lib/waitlist/list-waitlist-entries";

export const metadata: Metadata = { title: "Waitlist" };

export default async function FrontDeskWaitlistPage() {
  const actor = await requirePageActor("/clinic/front-desk/waitlist", "waitlist:manage");
  const [{ entries }, { freedTimes }, dates, types, therapists] = await Promise.all([
    listWaitlistEntries(actor),
    listFreedTimes(actor),
    entryFormDates(actor.clinicId),
    listAppointmentTypes(actor),
    listTherapists(actor.clinicId),
  ]);
  return (
    <>
      <PageHeader
        title="Waitlist"
        subtitle={`Who is waiting for a time, and who matches the times that free up. Times in ${zoneNameNow(dates.timeZone)}.`}
        actions={
          <Link href="/clinic/calendar" className="font-semibold text-brand-800 underline">
            Open the calendar
          </Link>
        }
      />
      <StaffWaitlist
        entries={entries}
        freedTimes={freedTimes}
        timeZone={dates.timeZone}
        appointmentTypes={types.map((t) => ({ id: t.id, name: t.name }))}
        therapists={therapists}
        today={dates.today}
        lastBookableDate={dates.lastBookableDate}
        canPrioritize={can(actor, "waitlist:prioritize")}
      />
    </>
  );
}
