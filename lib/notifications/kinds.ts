/** Every kind of outgoing message; later features add theirs here. */
export const MESSAGE_KINDS = [
  "test.message",
  // accounts: emailed links (decision 050)
  "staff.invitation",
  "patient.portal_invitation",
  "account.password_reset",
  "account.password_changed",
  // intake
  "intake.link",
  "intake.red_flag_alert",
  // booking
  "appointment.confirmation",
  "appointment.change",
  "appointment.cancellation",
  "appointment.reminder",
  // exercises
  "program.assigned",
  "program.updated",
  // text replies: the answer to a patient's text (STOP/START confirmations, help, confirm acknowledgment)
  "text.reply",
  // waitlist offers (lib/waitlist/offer-messages.ts)
  "waitlist.offer",
  "waitlist.taken",
  // episodes of care: "please book your next visit" (lib/episodes/follow-up-messages.ts)
  "episode.follow_up",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Attachment = { filename: string; contentType: string; content: string };
