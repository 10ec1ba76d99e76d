/**
 * Waitlist offers: which channels an offer may use right now, what the text
 * says, whether a visit fits the freed stretch with its buffer, and what an
 * offer link can still do. Pure: no Prisma, no Next.
 */
import type { Reachable } from "@/lib/patients/message-channel-rules";
import { textSendTime } from "@/lib/notifications/quiet-hours-rules";
import { formatLocalDate, formatLocalTime } from "@/lib/time/format";

/**
 * When an offer's hold ends (docs/decisions/086): `holdMinutes` from when the
 * patient can first see it. By day that is now; overnight (21:00-08:00 in the
 * clinic's zone, when texts wait for the morning) it is 08:00, so an offer
 * made at 23:00 is held until 08:15 instead of lapsing unread, and the night
 * cannot run through the whole list.
 */
export function offerHoldUntil(now: Date, timeZone: string, holdMinutes: number): Date {
  const seenFrom = textSendTime(now, timeZone);
  return new Date(Math.max(now.getTime(), seenFrom.getTime()) + holdMinutes * 60_000);
}

export const canReach = (r: Reachable) => r.email !== null || r.sms !== null;

/** The visit with its buffer must end inside the freed stretch, or accepting would overlap the next visit. */
export function fitsWithBuffer(
  visit: { startsAt: Date },
  type: { durationMinutes: number; bufferAfterMinutes: number },
  freedEndsAt: Date,
): boolean {
  return visit.startsAt.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * 60_000 <= freedEndsAt.getTime();
}

export type OfferWording = {
  firstName: string;
  clinicName: string;
  startsAt: Date;
  timeZone: string;
  link: string;
  holdMinutes: number;
};

export function offerWhen(startsAt: Date, timeZone: string): string {
  return `${formatLocalDate(startsAt.getTime(), timeZone)} at ${formatLocalTime(startsAt.getTime(), timeZone)}`;
}

/** The offer text: first name, clinic, day and time, the link; no clinical detail (operations.md). */
export function offerText(w: OfferWording): string {
  return `${w.clinicName}: Hi ${w.firstName}, a time opened on ${offerWhen(w.startsAt, w.timeZone)}. It is held for you for ${w.holdMinutes} min: ${w.link}`;
}

export function takenText(w: Omit<OfferWording, "link" | "holdMinutes">): string {
  return `${w.clinicName}: Hi ${w.firstName}, the time on ${offerWhen(w.startsAt, w.timeZone)} has been taken. You are still on our waitlist.`;
}

export type OfferLinkState = "open" | "accepted" | "declined" | "expired" | "taken";

/** What an offer link can still do at `now`: only an open one can be accepted or declined. */
export function offerLinkState(
  offer: { status: "pending" | "accepted" | "declined" | "expired" | "taken"; expiresAt: Date },
  freedTimeStatus: "open" | "filled" | "closed",
  now: Date,
): OfferLinkState {
  if (offer.status !== "pending") return offer.status;
  if (offer.expiresAt.getTime() <= now.getTime()) return "expired";
  if (freedTimeStatus !== "open") return "taken";
  return "open";
}

export const OFFER_STATE_MESSAGE: Record<Exclude<OfferLinkState, "open">, string> = {
  accepted: "You accepted this time and it is booked. You can see it in your appointments.",
  declined: "You declined this time. You are still on the waitlist, and we will offer you the next time that fits.",
  expired:
    "This offer has expired: it was held for a short time only. You are still on the waitlist, and we will offer you the next time that fits.",
  taken:
    "Sorry, someone else took this time first. You are still on the waitlist, and we will offer you the next time that fits.",
};
