/**
 * What a patient's text reply asks for (operations.md, "Reminders, text
 * messages, waitlist"; docs/decisions/082). Carrier and CTIA practice: STOP,
 * STOPALL, UNSUBSCRIBE, CANCEL, END and QUIT opt out; START and UNSTOP opt in
 * again; HELP and INFO ask for contact details. CANCEL is an opt-out word, so
 * asking to cancel a visit is R or NO (the reminder says "Reply C to confirm or
 * R to cancel").
 */
import { patientMayReschedule } from "@/lib/booking/status-rules";

export type ReplyKeyword = "opt_out" | "opt_in" | "help" | "confirm" | "cancel" | "unrecognised";

const KEYWORDS: Record<string, ReplyKeyword> = {
  STOP: "opt_out",
  STOPALL: "opt_out",
  UNSUBSCRIBE: "opt_out",
  CANCEL: "opt_out",
  END: "opt_out",
  QUIT: "opt_out",
  START: "opt_in",
  UNSTOP: "opt_in",
  HELP: "help",
  INFO: "help",
  C: "confirm",
  Y: "confirm",
  YES: "confirm",
  CONFIRM: "confirm",
  R: "cancel",
  N: "cancel",
  NO: "cancel",
};

/**
 * The whole reply is the keyword: spacing, case and punctuation around it are
 * ignored ("  yes! ", "Stop.", "c"), but a sentence is not a keyword ("no
 * idea, call me" is unrecognised rather than a cancellation).
 */
export function normaliseReply(body: string): string {
  return body
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

export function readReply(body: string): ReplyKeyword {
  return KEYWORDS[normaliseReply(body)] ?? "unrecognised";
}

/** A request to cancel by text goes through when the patient could still change it online; otherwise a person calls. */
export function cancelReplyAction(
  startsAt: number,
  now: number,
  lateCancellationHours: number,
): "cancel" | "call_back" {
  return patientMayReschedule(startsAt, now, lateCancellationHours) ? "cancel" : "call_back";
}

export type OptFacts = { textConsentAt: Date | null; textOptedOutAt: Date | null };

/** An opt-out stands until a later opt-in (the same reading as mayText in message-channel-rules). */
export function optedOut(p: OptFacts): boolean {
  return Boolean(p.textOptedOutAt && !(p.textConsentAt && p.textOptedOutAt < p.textConsentAt));
}

/**
 * May the clinic answer a text from this number? Not once any patient on it
 * opted out: STOP is about the number, and the only text after it is the STOP
 * confirmation itself.
 */
export function mayAnswer(patientsOnNumber: OptFacts[]): boolean {
  return !patientsOnNumber.some(optedOut);
}
