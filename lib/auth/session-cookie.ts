import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";

const BASE_NAME = "next-auth.session-token";

/**
 * The session cookie's name as next-auth v4 picks it: `__Secure-` when the
 * site's origin is https (NEXTAUTH_URL, or the forwarded protocol when
 * VERCEL / AUTH_TRUST_HOST let next-auth trust the host).
 */
export function sessionCookieName(
  env: Record<string, string | undefined>,
  forwardedProto: string | null | undefined,
): string {
  const origin = env.NEXTAUTH_URL
    ? env.NEXTAUTH_URL
    : (env.VERCEL ?? env.AUTH_TRUST_HOST)
      ? `${forwardedProto === "http" ? "http" : "https"}://`
      : "";
  return origin.startsWith("https://") ? `__Secure-${BASE_NAME}` : BASE_NAME;
}

/**
 * The AuthSession id in next-auth's JWT session cookie, or null. Reads what
 * getServerSession reads (the cookie, or its `.0`, `.1`… chunks joined in
 * order; decrypted and its `exp` checked by next-auth's own `decode`) but does
 * not encrypt a refreshed token afterwards: in pages and route handlers
 * getServerSession cannot send that token anyway. The session row
 * (resumeSession) still decides idle and absolute limits on every request.
 */
export async function sessionIdFromCookies(
  cookies: ReadonlyArray<{ name: string; value: string }>,
  cookieName: string,
  secret: string,
): Promise<string | null> {
  const chunks = cookies.filter((c) => c.name === cookieName || c.name.startsWith(`${cookieName}.`));
  if (!chunks.length) return null;
  const token = chunks
    .map((c) => ({ index: c.name === cookieName ? 0 : Number(c.name.slice(cookieName.length + 1)), value: c.value }))
    .sort((a, b) => a.index - b.index)
    .map((c) => c.value)
    .join("");
  const key = createHash("sha256").update(secret).update("\0").update(token).digest("base64");
  const known = decrypted.get(key);
  if (known)
    return known.exp !== null && known.exp <= Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_S ? null : known.sid;
  try {
    const jwt = await decode({ token, secret });
    const sid = typeof jwt?.sid === "string" ? jwt.sid : null;
    if (decrypted.size >= MAX_REMEMBERED_TOKENS) decrypted.clear();
    decrypted.set(key, { sid, exp: typeof jwt?.exp === "number" ? jwt.exp : null });
    return sid;
  } catch {
    // Tampered, expired or from another secret: the same as no cookie (getServerSession answers null too).
    return null;
  }
}

/**
 * next-auth derives its decryption key from the secret (HKDF) on every
 * decode: about a millisecond of server CPU per signed-in request, more than
 * the rest of reading the session (docs/decisions/079). A token always
 * decrypts to the same payload, so each one that decrypted is remembered with
 * its expiry, keyed by a hash (the map holds no usable token). The expiry is
 * checked again on every request, as next-auth's decode checks it (15 s of
 * clock skew), and the session row still decides everything else. Failures
 * are not remembered. Bounded.
 */
const decrypted = new Map<string, { sid: string | null; exp: number | null }>();
const MAX_REMEMBERED_TOKENS = 10_000;
const CLOCK_TOLERANCE_S = 15;
