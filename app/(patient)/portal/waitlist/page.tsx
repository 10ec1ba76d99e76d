import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { PatientWaitlist } from "@/components/waitlist/patient-waitlist";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listAppointmentTypes } from "@/lib/booking/appointment-types";
import { listTherapists } from "@/lib/booking/therapist-schedules";
import { zoneNameNow } from "@/lib/booking/clock";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { entryFormDates } from "@/lib/waitlist/entry-form-context";
import { listWaitlistEntries } from "@/lib/waitlist/list-waitlist-entries";

export const metadata: Metadata = { title: "Waitlist" };

export default async function PortalWaitlistPage() {
  const actor = await requirePageActor("/portal/waitlist", "waitlist:join:own");
  const clinic = await getOwnClinic(actor);
  if (!actor.patientId)
    return (
      <>
        <PageHeader title="Waitlist" />
        <p>Your account is not linked to a patient record yet. Please call the clinic.</p>
      </>
    );
  const [{ entries }, dates, types, therapists] = await Promise.all([
    listWaitlistEntries(actor),
    entryFormDates(actor.clinicId),
    listAppointmentTypes(actor),
    listTherapists(actor.clinicId),
  ]);
  return (
    <>
      <PageHeader
        title="Waitlist"
        subtitle={`Want an earlier time? ${clinic.name} · times in ${zoneNameNow(clinic.timeZone)}`}
        actions={
          <Link href="/portal/appointments" className="font-semibold text-brand-800 underline">
            Your appointments
          </Link>
        }
      />
      <PatientWaitlist
        entries={entries}
        appointmentTypes={types.map((t) => ({ id: t.id, name: t.name }))}
        therapists={therapists}
        today={dates.today}
        lastBookableDate={dates.lastBookableDate}
      />
    </>
  );
}
