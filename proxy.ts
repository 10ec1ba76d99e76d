import { NextResponse, type NextRequest } from "next/server";
import {
  API_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  isApiPath,
  STATIC_SECURITY_HEADERS,
} from "@/lib/http/security-headers";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = ["/portal", "/clinic", "/account"];

/**
 * Sets the CSP nonce and security headers, and sends visitors without a
 * session cookie to sign in. This is convenience only: every page, action and
 * data-access function checks the session itself.
 */
export function proxy(request: NextRequest) {
  // Security tests run a second server with the proxy switched off, to prove it is never the guard.
  if (process.env.MEND_PROXY_DISABLED === "1") return NextResponse.next();
  // Next's router answers a path it cannot percent-decode (e.g. a lone surrogate's bytes, %ED%A0%80) with
  // a bare 500 before any handler runs; found by the fuzz tests. It is the client's error: say so.
  if (!isDecodablePath(new URL(request.url).pathname))
    return withHeaders(badPath(request), API_CONTENT_SECURITY_POLICY);
  const { pathname, search } = request.nextUrl;
  // JSON route handlers render no scripts: a static policy that allows nothing, and no nonce or
  // request-header rewrite to pay for (docs/decisions/007).
  if (isApiPath(pathname)) return withHeaders(NextResponse.next(), API_CONTENT_SECURITY_POLICY);
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSessionCookie && SIGNED_IN_AREAS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?${new URLSearchParams({ next: `${pathname}${search}` }).toString()}`;
    return withHeaders(NextResponse.redirect(url), null);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function badPath(request: NextRequest) {
  const message = "The address is not valid.";
  return request.nextUrl.pathname.startsWith("/api/")
    ? NextResponse.json({ error: { code: "bad_request", message } }, { status: 400 })
    : new NextResponse(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function withHeaders(response: NextResponse, csp: string | null) {
  if (csp) response.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
