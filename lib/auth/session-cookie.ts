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
  try {
    const jwt = await decode({ token, secret });
    return typeof jwt?.sid === "string" ? jwt.sid : null;
  } catch {
    // Tampered, expired or from another secret: the same as no cookie (getServerSession answers null too).
    return null;
  }
}
