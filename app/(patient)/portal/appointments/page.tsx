import type { Metadata } from "next";
import Link from "next/link";
import { CalendarFeedCard } from "@/components/booking/calendar-feed-card";
import { PatientAppointments } from "@/components/booking/patient-appointments";
import { Card, PageHeader } from "@/components/ui/card";
import { RED_FLAG_BLOCK_MESSAGE } from "@/lib/booking/booking-access";
import { INACTIVE_SELF_BOOKING_MESSAGE } from "@/lib/booking/booking-errors";
import { calendarFeedStatus } from "@/lib/booking/calendar-feed";
import { listMyAppointments } from "@/lib/booking/list-my-appointments";
import { listTherapists } from "@/lib/booking/therapist-schedules";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { hasUnacknowledgedEmergencyFlag } from "@/lib/intake/red-flag-status";
import { isPatientActive } from "@/lib/patients/patient-status";
import { zoneNameNow } from "@/lib/booking/clock";
import { can } from "@/lib/auth/authorize";
import { getEpisodeStanding } from "@/lib/episodes/get-episode-standing";
import { formatDayMonthYear } from "@/lib/time/format";

export const metadata: Metadata = { title: "Appointments" };

export default async function PortalAppointmentsPage() {
  const actor = await requirePageActor("/portal/appointments", "appointment:read:own");
  const clinic = await getOwnClinic(actor);
  // The lists come rendered with the page, so nothing moves when they arrive (they were fetched after load: CLS 0.37).
  const [mine, feed, therapists, blocked, active, episode] = await Promise.all([
    actor.patientId ? listMyAppointments(actor) : undefined,
    actor.patientId ? calendarFeedStatus(actor) : undefined,
    listTherapists(actor.clinicId),
    actor.patientId ? hasUnacknowledgedEmergencyFlag(actor.patientId, actor.clinicId) : Promise.resolve(false),
    actor.patientId ? isPatientActive(actor.patientId, actor.clinicId) : Promise.resolve(true),
    actor.patientId && can(actor, "episode:read:own")
      ? getEpisodeStanding(actor, actor.patientId).then((r) => r.standing)
      : Promise.resolve(null),
  ]);
  const auth = episode?.authorization;
  return (
    <>
      <PageHeader title="Appointments" subtitle={`${clinic.name} · times in ${zoneNameNow(clinic.timeZone)}`} />
      {/* The lists are the server's; the booking forms bring the query cache when opened (docs/decisions/072). */}
      <div className="flex flex-col gap-4">
        {auth && (
          <Card title="Your plan of care">
            <p>
              Visits used: {auth.used} of {auth.visitsAuthorized} authorised, until{" "}
              {formatDayMonthYear(auth.validUntil)}.{auth.planned > 0 && ` ${auth.planned} more booked.`}
            </p>
            {auth.remaining === 0 && (
              <p className="mt-2">
                Every authorised visit is used or booked. To book more, please call the clinic on {clinic.phone}.
              </p>
            )}
          </Card>
        )}
        <PatientAppointments
          initial={mine}
          timeZone={clinic.timeZone}
          therapists={therapists}
          blockedMessage={
            blocked
              ? `${RED_FLAG_BLOCK_MESSAGE} Phone: ${clinic.phone}.`
              : active
                ? null
                : `${INACTIVE_SELF_BOOKING_MESSAGE} Phone: ${clinic.phone}.`
          }
        />
        <Card title="Want an earlier time?">
          <p>
            If you would like a visit sooner, or at a time that is full now,{" "}
            <Link href="/portal/waitlist" className="font-semibold text-brand-800 underline">
              join the waitlist
            </Link>
            : we will send you an offer when a time like that frees up.
          </p>
        </Card>
        <Card title="Add your appointments to your calendar">
          <CalendarFeedCard initial={feed} />
        </Card>
      </div>
    </>
  );
}
