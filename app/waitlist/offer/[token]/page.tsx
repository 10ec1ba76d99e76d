import type { Metadata } from "next";
import { IntakeShell } from "@/components/intake/intake-shell";
import { Alert } from "@/components/ui/alert";
import { OfferAnswer } from "@/components/waitlist/offer-answer";
import { formatLocalDate, formatLocalTime } from "@/lib/time/format";
import { OFFER_STATE_MESSAGE } from "@/lib/waitlist/offer-rules";
import { viewWaitlistOffer } from "@/lib/waitlist/respond-to-offer";

export const metadata: Metadata = { title: "A time has opened", robots: { index: false, follow: false } };

/**
 * The page a waitlist offer's text or email links to: no account needed (the
 * token is the credential, like the intake link). It shows the time and,
 * while the offer is held, Accept / Decline; otherwise why it cannot be used.
 */
export default async function WaitlistOfferPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const offer = await viewWaitlistOffer(token);
  if (!offer)
    return (
      <IntakeShell clinicName={null}>
        <h1 className="text-2xl font-bold">This link cannot be used</h1>
        <div className="mt-4">
          <Alert tone="warning">
            We could not find this offer. Check that you opened the whole link, or call the clinic.
          </Alert>
        </div>
      </IntakeShell>
    );
  const zone = offer.clinic.timeZone;
  const day = formatLocalDate(offer.startsAt, zone);
  const time = `${formatLocalTime(offer.startsAt, zone, true)} to ${formatLocalTime(offer.endsAt, zone)}`;
  const state = offer.state;
  return (
    <IntakeShell clinicName={offer.clinic.name}>
      <h1 className="text-2xl font-bold">
        {state === "open"
          ? `A time has opened, ${offer.firstName}`
          : state === "accepted"
            ? "You are booked"
            : "This offer has ended"}
      </h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-300 bg-white p-4">
        <dt className="font-semibold">Day</dt>
        <dd>{day}</dd>
        <dt className="font-semibold">Time</dt>
        <dd>{time}</dd>
        <dt className="font-semibold">With</dt>
        <dd>{offer.therapistName}</dd>
        <dt className="font-semibold">Visit</dt>
        <dd>{offer.appointmentTypeName}</dd>
        <dt className="font-semibold">Clinic</dt>
        <dd>{offer.clinic.name}</dd>
      </dl>
      {state === "open" ? (
        <>
          <p className="mt-4">
            We are holding this time for you until {formatLocalTime(offer.expiresAt, zone, true)}. If you decline, you
            stay on the waitlist.
          </p>
          <OfferAnswer token={token} />
        </>
      ) : (
        <div className="mt-4 space-y-4">
          <Alert tone={state === "accepted" ? "success" : "warning"} role="status">
            {OFFER_STATE_MESSAGE[state]}
          </Alert>
          <p>
            <a className="font-semibold text-brand-800 underline" href="/portal">
              {state === "accepted" ? "See your appointments in the portal" : "See your waitlist in the portal"}
            </a>{" "}
            or call {offer.clinic.name} on{" "}
            <a className="font-semibold underline" href={`tel:${offer.clinic.phone}`}>
              {offer.clinic.phone}
            </a>
            .
          </p>
        </div>
      )}
    </IntakeShell>
  );
}
