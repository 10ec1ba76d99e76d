import "server-only";
import type { RequestOrigin } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { IntakeLinkActor } from "./intake-actor";
import { linkState, type LinkState } from "./intake-rules";
import { hashLinkToken, looksLikeLinkToken } from "./link-token";

export type LinkProblem = Exclude<LinkState, "active"> | "unknown";

export type ResolvedLink =
  | { ok: true; actor: IntakeLinkActor; clinic: { name: string; phone: string } }
  | { ok: false; problem: LinkProblem; clinic: { name: string; phone: string } | null };

/** Used links still authenticate a submit retry (idempotency) but nothing else. */
type Options = { allowUsed?: boolean; now?: Date };

/**
 * Turns the token in an intake URL into a token-scoped actor, or says plainly
 * why it cannot (unknown, expired, revoked, already used).
 */
export async function resolveIntakeLink(
  token: string,
  origin: RequestOrigin,
  options: Options = {},
): Promise<ResolvedLink> {
  const now = options.now ?? new Date();
  const link = looksLikeLinkToken(token)
    ? await db.intakeLink.findUnique({
        where: { tokenHash: hashLinkToken(token) },
        select: {
          id: true,
          clinicId: true,
          intakeId: true,
          patientId: true,
          expiresAt: true,
          revokedAt: true,
          lastUsedAt: true,
          intake: { select: { status: true, clinic: { select: { name: true, phone: true } } } },
        },
      })
    : null;
  if (!link) {
    await recordAudit({ ...origin }, { action: "intake_link.open", outcome: "denied", details: { reason: "unknown" } });
    return { ok: false, problem: "unknown", clinic: null };
  }
  const state = linkState(link, link.intake.status, now);
  const clinic = link.intake.clinic;
  if (state !== "active" && !(state === "used" && options.allowUsed)) {
    await recordAudit(
      { ...origin, clinicId: link.clinicId, role: "intake_link" },
      {
        action: "intake_link.open",
        outcome: "denied",
        patientId: link.patientId,
        recordType: "IntakeLink",
        recordId: link.id,
        details: { reason: state },
      },
    );
    return { ok: false, problem: state, clinic };
  }
  if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() > 60_000) {
    await db.intakeLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  }
  return {
    ok: true,
    clinic,
    actor: {
      kind: "intake-link",
      linkId: link.id,
      intakeId: link.intakeId,
      patientId: link.patientId,
      clinicId: link.clinicId,
      ip: origin.ip,
      userAgent: origin.userAgent,
    },
  };
}

export const LINK_PROBLEM_MESSAGE: Record<LinkProblem, string> = {
  unknown:
    "We could not find this intake link. Check that you copied the whole link, or call the clinic for a new one.",
  expired:
    "This intake link has expired. Call the clinic and we will send you a new one; anything you already typed is kept.",
  revoked: "This intake link is no longer active. Please use the newest link the clinic sent you, or call us.",
  used: "This intake has already been sent to the clinic. Thank you! You do not need to fill it in again.",
};

/** For route handlers: the actor, or a 404/410 with the message above. */
export async function requireIntakeLinkActor(token: string, origin: RequestOrigin, options: Options = {}) {
  const resolved = await resolveIntakeLink(token, origin, options);
  if (resolved.ok) return resolved.actor;
  throw new AppError(resolved.problem === "unknown" ? "not_found" : "gone", LINK_PROBLEM_MESSAGE[resolved.problem]);
}
