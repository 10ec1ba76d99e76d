/**
 * The texts sent back to a reply. No clinical detail (first name, clinic,
 * day and time only) and short: one GSM-7 segment is 160 characters
 * (operations.md).
 */
export type ReplyFacts = { clinicName: string; clinicPhone: string };

export const replyTexts = {
  optedOut: (f: ReplyFacts) => `You will get no more texts from ${f.clinicName}. Reply START to resume.`,
  optedIn: (f: ReplyFacts) => `${f.clinicName}: texts are on again. Reply HELP for help, STOP to opt out.`,
  help: (f: ReplyFacts) => `${f.clinicName}: call ${f.clinicPhone} for help. Reply STOP to opt out.`,
  confirmed: (f: ReplyFacts & { firstName: string; when: string }) =>
    `Thanks ${f.firstName}, your visit at ${f.clinicName} on ${f.when} is confirmed.`,
  willCall: (f: ReplyFacts & { when: string }) =>
    `${f.clinicName}: your visit on ${f.when} is soon, so the clinic will call you about cancelling.`,
  noVisit: (f: ReplyFacts) => `${f.clinicName}: we found no upcoming visit for this number. Call ${f.clinicPhone}.`,
  unrecognised: (f: ReplyFacts) =>
    `${f.clinicName}: reply C to confirm your visit, R to cancel, HELP for help, STOP to opt out. Or call ${f.clinicPhone}.`,
};
