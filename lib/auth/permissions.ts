/**
 * Who may do what, in one table (domain.md, "People and what they may do").
 * Data-access functions check these on every read and write; pages and
 * proxy only use them to decide what to show.
 */
export const ROLES = ["patient", "therapist", "front_desk", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ["therapist", "front_desk", "admin"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "patient:read:own",
  "patient:read:demographics",
  "patient:read:clinical",
  "patient:register",
  /** Correct demographics, set the primary therapist, mark inactive/active (docs/decisions/058). */
  "patient:update",
  "intake:write:own",
  "intake:read:own",
  "intake:read",
  "intake-link:send",
  "intake-status:read",
  "red-flag:read-summary",
  "red-flag:acknowledge",
  "clinical-note:write",
  "program:read:own",
  "program:read",
  "program:write",
  "exercise-log:write:own",
  "exercise-library:write",
  "appointment:read:own",
  "appointment:book:own",
  "appointment:manage",
  "schedule:read",
  "clinic:configure",
  "staff:manage",
  "audit:read",
  "mailbox:read",
  /** A patient's own choice of email or text, and their text consent (portal). */
  "message-preferences:write:own",
  /** A patient puts themself on the waitlist from the portal, sees and leaves their own entries. */
  "waitlist:join:own",
  /** Staff add any of their clinic's patients, see who waits and which freed times match, remove entries. */
  "waitlist:manage",
  /** Urgent is a clinical judgement (operations.md): therapists and admins only. */
  "waitlist:prioritize",
  /** A patient's own episode standing in the portal (visits used of authorised, plan dates). */
  "episode:read:own",
  /** A patient downloads their own record as FHIR R4 from the portal. */
  "record:export:own",
  /** Episode scheduling facts without clinical detail: status, frequency, dates, authorisations, visit counts. */
  "episode:read:schedule",
  /** The whole episode: reason, ICD-10-CM code, goals, scores, discharge summary, FHIR export. */
  "episode:read",
  /** Open an episode, edit its plan, put it on hold, re-evaluate, discharge: a clinical decision. */
  "episode:write",
  /** Record a payer's authorisation (visits, dates): usually the front desk's job. */
  "episode:authorize",
  /** The follow-up list (under-scheduled, dropped out, authorisation ending, re-evaluation due) and its reminders. */
  "follow-up:manage",
  /** The clinic outcome report and its CSV: aggregated, small groups suppressed. */
  "outcome-report:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const therapist = [
  "patient:read:demographics",
  "patient:read:clinical",
  // Patients tell their therapist about a new number or a discharge first; every change is audited field by field.
  "patient:update",
  "intake:read",
  "intake-status:read",
  "red-flag:read-summary",
  "red-flag:acknowledge",
  "clinical-note:write",
  "program:read",
  "program:write",
  "exercise-library:write",
  "schedule:read",
  "waitlist:manage",
  "waitlist:prioritize",
  "episode:read:schedule",
  "episode:read",
  "episode:write",
  "episode:authorize",
  "follow-up:manage",
  "outcome-report:read",
] as const satisfies readonly Permission[];

export const ROLE_PERMISSIONS = {
  patient: [
    "patient:read:own",
    "intake:write:own",
    "intake:read:own",
    "program:read:own",
    "exercise-log:write:own",
    "appointment:read:own",
    "appointment:book:own",
    "message-preferences:write:own",
    "waitlist:join:own",
    "episode:read:own",
    "record:export:own",
  ],
  therapist,
  // "Minimum necessary": demographics, intake status and red-flag tier, never clinical detail.
  front_desk: [
    "patient:read:demographics",
    "patient:register",
    "patient:update",
    "intake-link:send",
    "intake-status:read",
    "red-flag:read-summary",
    "appointment:manage",
    "schedule:read",
    "waitlist:manage",
    "episode:read:schedule",
    "episode:authorize",
    "follow-up:manage",
  ],
  admin: [
    ...therapist,
    "patient:register",
    "intake-link:send",
    "appointment:manage",
    "clinic:configure",
    "staff:manage",
    "audit:read",
    "mailbox:read",
  ],
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHas(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  patient: "/portal",
  therapist: "/clinic/therapist",
  front_desk: "/clinic/front-desk",
  admin: "/clinic/admin",
};

export const ROLE_LABEL: Record<Role, string> = {
  patient: "Patient",
  therapist: "Therapist",
  front_desk: "Front desk",
  admin: "Clinic admin",
};
