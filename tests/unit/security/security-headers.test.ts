import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  isApiPath,
  STATIC_SECURITY_HEADERS,
} from "@/lib/http/security-headers";
import { proxy } from "@/proxy";

const run = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers }));

function expectStaticHeaders(res: Response, path: string) {
  expect(STATIC_SECURITY_HEADERS.length).toBeGreaterThanOrEqual(6);
  for (const { key, value } of STATIC_SECURITY_HEADERS) expect(res.headers.get(key), `${path} ${key}`).toBe(value);
  expect(res.headers.get("strict-transport-security"), path).toContain("max-age=");
  expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
}

describe("security headers (proxy)", () => {
  it("pages get the nonce script policy, a fresh nonce each time, passed on to Next in the request headers", () => {
    const a = run("/sign-in");
    const b = run("/sign-in");
    expectStaticHeaders(a, "/sign-in");
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toBe(contentSecurityPolicy(nonce!, false));
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    // The service worker: same-origin scripts only.
    expect(csp).toContain("worker-src 'self'");
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("API responses get a static policy that allows nothing, no nonce, and every other header", () => {
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
    for (const path of ["/api/health", "/api/booking/slots?from=2026-01-01", "/api/auth/session", "/api"]) {
      const res = run(path);
      expectStaticHeaders(res, path);
      expect(res.headers.get("content-security-policy"), path).toBe(API_CONTENT_SECURITY_POLICY);
      expect(res.headers.get("x-middleware-request-x-nonce"), path).toBeNull();
      expect(res.headers.get("x-middleware-request-content-security-policy"), path).toBeNull();
    }
  });

  it("only /api and below count as API paths", () => {
    expect(isApiPath("/api")).toBe(true);
    expect(isApiPath("/api/health")).toBe(true);
    expect(isApiPath("/apiary")).toBe(false);
    expect(isApiPath("/clinic/api")).toBe(false);
    expect(isApiPath("/")).toBe(false);
  });

  it("a look-alike page path keeps the page policy", () => {
    const res = run("/apiary");
    expectStaticHeaders(res, "/apiary");
    expect(res.headers.get("content-security-policy")).toMatch(/'nonce-/);
  });

  it("redirects to sign-in and malformed paths carry the headers too", () => {
    const redirect = run("/clinic/calendar");
    expect(redirect.status).toBe(307);
    expectStaticHeaders(redirect, "redirect");
    const bad = run("/api/%ED%A0%80");
    expect(bad.status).toBe(400);
    expectStaticHeaders(bad, "bad path");
    expect(bad.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
  });
});
