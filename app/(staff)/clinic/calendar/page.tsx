import type { Metadata } from "next";
import { FrontDeskCalendar } from "@/components/booking/front-desk-calendar";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { clinicToday } from "@/lib/booking/clock";
import { getPatient } from "@/lib/patients/get-patient";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Calendar" };

/** The patient a "Book" link (follow-up list) chose, if this actor may book and may see them; else none. */
async function patientToBook(actor: Parameters<typeof getPatient>[0], raw: string | string[] | undefined) {
  if (typeof raw !== "string" || !can(actor, "appointment:manage")) return null;
  try {
    const p = await getPatient(actor, raw);
    return { id: p.id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, phone: p.phone };
  } catch (e) {
    // Another clinic's or an unknown id: the calendar opens as usual (getPatient audited the refusal).
    if (isAppError(e) && e.code === "not_found") return null;
    throw e;
  }
}

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/clinic/calendar", "schedule:read");
  const clinic = await getOwnClinic(actor);
  const canManage = can(actor, "appointment:manage");
  const bookFor = await patientToBook(actor, (await searchParams).patient);
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
      <FrontDeskCalendar
        initialDate={clinicToday(clinic.timeZone)}
        timeZone={clinic.timeZone}
        canManage={canManage}
        bookFor={bookFor}
      />
    </>
  );
}
