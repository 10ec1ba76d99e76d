/**
 * The reminder text message. A text can be read by anyone holding the phone,
 * so it carries no clinical detail (no visit type, no therapist): first name,
 * clinic, day and time, how to reply and a link (operations.md). It is kept
 * to one GSM-7 segment (160 characters) whenever the names allow: a second
 * segment doubles the cost, and a character outside GSM-7 (an emoji, a curly
 * quote) turns the whole text into UCS-2 with 70 characters per segment.
 */
import { formatLocalTime, formatShortLocalDay } from "@/lib/time/format";

export const SMS_SEGMENT_CHARS = 160;
const MIN_NAME_CHARS = 12;

// GSM 03.38 basic set, and the extension set whose characters take two septets.
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENDED = "^{}\\[~]|€\f";

/** Septets the text takes in GSM-7, or null when some character is not in GSM-7. */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) n += 1;
    else if (GSM7_EXTENDED.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

/** Intl's spacing characters (the narrow no-break space before "PM") are not GSM-7: plain spaces. */
const plainSpaces = (s: string) => s.replace(/[\u00a0\u2009\u202f]/g, " ");

function shorten(name: string, max: number): string {
  const chars = [...name.trim()];
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, Math.max(1, max - 1))
        .join("")
        .trimEnd()}.`;
}

export type ReminderTextFacts = {
  firstName: string;
  clinicName: string;
  startsAt: Date;
  timeZone: string;
  /** The app's public address, e.g. https://mend.example (no trailing slash). */
  appUrl: string;
};

/**
 * "Hi Ana, reminder: Riverside PT, Tue, Nov 24 at 2:30 PM EST. Reply C to
 * confirm or R to cancel. https://…/portal/appointments". Long names are
 * shortened (clinic first, then the patient's name) to stay in one segment.
 */
export function reminderText(facts: ReminderTextFacts): string {
  const when = plainSpaces(
    `${formatShortLocalDay(facts.startsAt, facts.timeZone)} at ${formatLocalTime(facts.startsAt, facts.timeZone, true)}`,
  );
  const link = `${facts.appUrl.replace(/\/+$/, "")}/portal/appointments`;
  const build = (first: string, clinic: string) =>
    `Hi ${first}, reminder: ${clinic}, ${when}. Reply C to confirm or R to cancel. ${link}`;
  let first = plainSpaces(facts.firstName.trim());
  let clinic = plainSpaces(facts.clinicName.trim());
  const over = () => (gsm7Length(build(first, clinic)) ?? [...build(first, clinic)].length) - SMS_SEGMENT_CHARS;
  if (over() > 0) clinic = shorten(clinic, Math.max(MIN_NAME_CHARS, [...clinic].length - over()));
  if (over() > 0) first = shorten(first, Math.max(MIN_NAME_CHARS, [...first].length - over()));
  return build(first, clinic);
}
