import type { Actor, RequestOrigin } from "@/lib/auth/actor";

/**
 * Someone holding an intake link: no account, and reach over exactly one
 * intake of one patient. Intake operations take `IntakeActor` so the same
 * code serves the link and the signed-in portal, and every query is scoped by
 * it; the user `Actor` used everywhere else is unchanged.
 */
export type IntakeLinkActor = {
  kind: "intake-link";
  linkId: string;
  intakeId: string;
  patientId: string;
  clinicId: string;
  ip: string | null;
  userAgent: string | null;
};

export type IntakeActor = Actor | IntakeLinkActor;

export function isLinkActor(actor: IntakeActor): actor is IntakeLinkActor {
  return actor.kind === "intake-link";
}

/** What recordAudit needs for someone without an account: the clinic, the origin, and a role name. */
export function auditWho(actor: IntakeActor): Actor | (RequestOrigin & { clinicId: string; role: string }) {
  if (!isLinkActor(actor)) return actor;
  return { clinicId: actor.clinicId, role: "intake_link", ip: actor.ip, userAgent: actor.userAgent };
}
