import "server-only";
import { cookies, headers } from "next/headers";
import { connection } from "next/server";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { env } from "@/lib/env";
import { roleHas, type Permission } from "./permissions";
import { requestOrigin } from "./request-origin";
import { sessionCookieName, sessionIdFromCookies } from "./session-cookie";
import { resumeSession, type ResumedSession } from "./sessions";

/** The signed-in session behind this request, checked against the database once per request. */
export const currentSession = cache(async (): Promise<ResumedSession> => {
  // Per-request data: never prerender a page that asks who is signed in.
  await connection();
  // The cookie's token only names the session; reading it is all getServerSession did here, plus
  // encrypting a refreshed token it could not send from a page or route handler (~0.7 ms per request).
  const h = await headers();
  const sid = await sessionIdFromCookies(
    (await cookies()).getAll(),
    sessionCookieName(process.env, h.get("x-forwarded-proto")),
    env().NEXTAUTH_SECRET,
  );
  if (!sid) return { missing: true };
  return resumeSession(sid, requestOrigin(h));
});

export async function currentActor(): Promise<Actor | null> {
  const s = await currentSession();
  return "actor" in s ? s.actor : null;
}

/** For route handlers and server actions: 401 when nobody is fully signed in. */
export async function requireActor(): Promise<Actor> {
  const s = await currentSession();
  if ("actor" in s) return s.actor;
  if ("mfaPending" in s)
    throw new AppError("unauthenticated", "Finish signing in with the code from your authenticator app.");
  throw new AppError("unauthenticated", "Your session has ended. Please sign in again.");
}

/** The half-signed-in session waiting for its second factor, for the verify page and its actions. */
export async function requireMfaPending() {
  const s = await currentSession();
  if (!("mfaPending" in s)) throw new AppError("unauthenticated", "Your sign-in has expired. Please sign in again.");
  return s.mfaPending;
}

/**
 * For pages: sends the visitor to sign in (saying why, when a session just
 * ended) and answers 403 when the role lacks the permission. The data-access
 * layer checks again; this only decides what to render.
 */
export async function requirePageActor(path: string, permission?: Permission): Promise<Actor> {
  const s = await currentSession();
  if (!("actor" in s)) {
    const params = new URLSearchParams({ next: path });
    if ("mfaPending" in s) redirect(`/sign-in/verify?${params.toString()}`);
    if ("ended" in s) params.set("reason", s.ended);
    redirect(`/sign-in?${params.toString()}`);
  }
  if (permission && !roleHas(s.actor.role, permission)) {
    await recordAudit(s.actor, { action: "access.denied", outcome: "denied", details: { permission, path } });
    forbidden();
  }
  return s.actor;
}
