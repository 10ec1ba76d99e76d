/**
 * The rules of the emailed account links (staff invitation, portal
 * invitation, password reset): how long each works and what state a link is
 * in. Pure, so the states are tested without a database (decision 050).
 */
export const ACCOUNT_TOKEN_PURPOSES = ["staff_invitation", "portal_invitation", "password_reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An invitation waits for someone to read their email over a weekend; a reset link is for right now. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  staff_invitation: 72 * HOUR,
  portal_invitation: 72 * HOUR,
  password_reset: 30 * MINUTE,
};

export function tokenExpiry(purpose: AccountTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
}

export type TokenState = "active" | "used" | "revoked" | "expired";
export type StoredToken = { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

/** Used wins over revoked, revoked over expired: the message names what happened first to the person. */
export function tokenState(token: StoredToken, now: Date): TokenState {
  if (token.usedAt) return "used";
  if (token.revokedAt) return "revoked";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export type LinkProblem = Exclude<TokenState, "active"> | "unknown";

export type ProblemPage = { title: string; text: string; next: { href: string; label: string } | null };

const ASK_CLINIC = "Ask your clinic to send you a new invitation.";

/** What a person who opened a dead link is told, and where to go next. Never a stack trace, never a 500. */
export function linkProblemPage(purpose: AccountTokenPurpose | null, problem: LinkProblem): ProblemPage {
  const signIn = { href: "/sign-in", label: "Go to sign in" };
  const newReset = { href: "/forgot-password", label: "Request a new link" };
  if (purpose === "password_reset") {
    if (problem === "used")
      return {
        title: "This link was already used",
        text: "Your password was already reset with this link. Sign in with your new password, or request a new link if you need to reset it again.",
        next: signIn,
      };
    return {
      title: problem === "expired" ? "This link has expired" : "This link no longer works",
      text:
        problem === "expired"
          ? "Password reset links work for 30 minutes. Request a new link and use it right away."
          : "A newer link was sent, or the password was already changed. Request a new link if you still need one.",
      next: newReset,
    };
  }
  if (purpose === null)
    return {
      title: "We could not find this link",
      text: "Check that you copied the whole link from the email. If it still does not work, ask your clinic for a new invitation, or request a new password reset link.",
      next: newReset,
    };
  if (problem === "used")
    return {
      title: "This invitation was already used",
      text: "Your account is set up. Sign in with your email address and password. Forgot it? Use “Forgot your password?” on the sign-in page.",
      next: signIn,
    };
  if (problem === "expired")
    return { title: "This invitation has expired", text: `Invitations work for 72 hours. ${ASK_CLINIC}`, next: null };
  return {
    title: "This invitation is no longer valid",
    text: `It was withdrawn, or a newer invitation was sent; use the newest email. ${ASK_CLINIC}`,
    next: null,
  };
}
