/**
 * A clinic's reminder schedule: which reminders go, by which channel and how
 * long before the visit. operations.md ("Reminders, text messages,
 * waitlist"): by default an email two days ahead (time to rearrange) and a
 * text two hours ahead (the nudge that cuts no-shows).
 */
export type ReminderChannel = "email" | "sms";
export type ReminderRule = { channel: ReminderChannel; hoursBefore: number };

export const DEFAULT_REMINDER_RULES: readonly ReminderRule[] = [
  { channel: "email", hoursBefore: 48 },
  { channel: "sms", hoursBefore: 2 },
];

/** More would be noise for the patient; five covers every schedule clinics asked for. */
export const MAX_REMINDER_RULES = 5;
export const MAX_REMINDER_HOURS = 168;

/** The rules that apply: the clinic's own, or the default while it has saved none; earliest first. */
export function effectiveReminderRules(saved: readonly ReminderRule[]): ReminderRule[] {
  const rules = saved.length > 0 ? saved : DEFAULT_REMINDER_RULES;
  return [...rules].sort((a, b) => b.hoursBefore - a.hoursBefore || a.channel.localeCompare(b.channel));
}

/** "Email 48 hours before", for the settings page and audit details. */
export function describeReminderRule(rule: ReminderRule): string {
  const what = rule.channel === "sms" ? "Text" : "Email";
  return `${what} ${rule.hoursBefore} hour${rule.hoursBefore === 1 ? "" : "s"} before`;
}
