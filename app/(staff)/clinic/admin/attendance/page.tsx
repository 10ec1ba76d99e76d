import type { Metadata } from "next";
import { AttendanceTable } from "@/components/booking/attendance-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getAttendanceReport } from "@/lib/booking/attendance-report";
import { formatRate } from "@/lib/booking/attendance-rules";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { formatDateTime } from "@/lib/time/format";
import { refillShare } from "@/lib/waitlist/refill-share";

export const metadata: Metadata = { title: "Attendance" };

export default async function AttendancePage() {
  const actor = await requirePageActor("/clinic/admin/attendance", "clinic:configure");
  const [clinic, periods] = await Promise.all([getOwnClinic(actor), getAttendanceReport(actor)]);
  const refills = await Promise.all(periods.map((p) => refillShare(actor, { days: p.days })));
  return (
    <>
      <PageHeader
        title="Attendance"
        subtitle="No-shows and late cancellations of visits that started in the period, per therapist and by the reminders each visit got."
      />
      <div className="flex flex-col gap-4">
        {periods.map((p, i) => (
          <Card key={p.days} title={`Last ${p.days} days`}>
            <p className="mb-3 text-sm text-slate-700">
              Visits from {formatDateTime(p.from, clinic.timeZone)} to {formatDateTime(p.to, clinic.timeZone)}.
            </p>
            <div className="flex flex-col gap-6">
              <AttendanceTable
                caption={`Per therapist, last ${p.days} days`}
                firstColumn="Therapist"
                rows={p.byTherapist}
                total={p.total}
                testId={`attendance-therapists-${p.days}`}
              />
              <AttendanceTable
                caption={`By reminders sent, last ${p.days} days`}
                firstColumn="Reminders sent"
                rows={p.byReminder}
                total={p.total}
                testId={`attendance-reminders-${p.days}`}
              />
              <section aria-labelledby={`refill-${p.days}`} data-testid={`refill-share-${p.days}`}>
                <h3 id={`refill-${p.days}`} className="font-semibold">
                  Freed times refilled from the waitlist
                </h3>
                <RefillLine refill={refills[i]!} />
              </section>
            </div>
          </Card>
        ))}
        <Card title="How these are counted">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>Visits: every visit that started in the period, except those cancelled before the late window.</li>
            <li>No-show rate: no-shows out of the visits recorded as attended or missed.</li>
            <li>Late-cancellation rate: cancellations inside the clinic&apos;s late window out of the visits.</li>
            <li>
              Reminders sent: the reminders queued for the visit&apos;s final time (a moved visit counts its new time).
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}

function RefillLine({ refill }: { refill: Awaited<ReturnType<typeof refillShare>> }) {
  if (refill.freed === 0)
    return <p className="text-sm text-slate-700">No time was freed by a cancellation, a move or extra hours.</p>;
  return (
    <p className="text-sm text-slate-700">
      <strong className="text-slate-900">{formatRate(refill.share)}</strong>: {refill.filled} of {refill.freed} freed
      times were booked from the waitlist
      {refill.medianMinutesToFill === null
        ? "."
        : `, a median of ${Math.round(refill.medianMinutesToFill)} minutes after they freed up.`}
    </p>
  );
}
