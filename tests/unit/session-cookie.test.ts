import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionCookieName, sessionIdFromCookies } from "@/lib/auth/session-cookie";

const SECRET = "unit-test-secret-at-least-32-characters-long";
const NAME = "next-auth.session-token";
const SID = "0190a5b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b";

afterEach(() => {
  vi.useRealTimers();
});

describe("reading the session id from next-auth's cookie", () => {
  it("reads the sid next-auth encoded, whole or in chunks", async () => {
    const token = await encode({ token: { sid: SID, sub: "u1" }, secret: SECRET });
    expect(await sessionIdFromCookies([{ name: NAME, value: token }], NAME, SECRET)).toBe(SID);
    const chunks = [
      { name: `${NAME}.1`, value: token.slice(100) },
      { name: "other", value: "x" },
      { name: `${NAME}.0`, value: token.slice(0, 100) },
    ];
    expect(await sessionIdFromCookies(chunks, NAME, SECRET)).toBe(SID);
  });

  it("is null without the cookie, under the other cookie name, or without a sid", async () => {
    const token = await encode({ token: { sid: SID }, secret: SECRET });
    expect(await sessionIdFromCookies([], NAME, SECRET)).toBeNull();
    expect(await sessionIdFromCookies([{ name: NAME, value: token }], `__Secure-${NAME}`, SECRET)).toBeNull();
    const noSid = await encode({ token: { sub: "u1" }, secret: SECRET });
    expect(await sessionIdFromCookies([{ name: NAME, value: noSid }], NAME, SECRET)).toBeNull();
  });

  it("is null for a tampered token, another secret's token, or an expired one", async () => {
    const token = await encode({ token: { sid: SID }, secret: SECRET });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionIdFromCookies([{ name: NAME, value: tampered }], NAME, SECRET)).toBeNull();
    expect(await sessionIdFromCookies([{ name: NAME, value: "garbage" }], NAME, SECRET)).toBeNull();
    const foreign = await encode({ token: { sid: SID }, secret: `${SECRET}-other` });
    expect(await sessionIdFromCookies([{ name: NAME, value: foreign }], NAME, SECRET)).toBeNull();
    // exp is checked (next-auth allows 15 s of clock skew).
    const expired = await encode({ token: { sid: SID }, secret: SECRET, maxAge: -60 });
    expect(await sessionIdFromCookies([{ name: NAME, value: expired }], NAME, SECRET)).toBeNull();
  });

  it("still expires a token it has read before, and still refuses one it refused", async () => {
    const token = await encode({ token: { sid: SID }, secret: SECRET, maxAge: 60 });
    expect(await sessionIdFromCookies([{ name: NAME, value: token }], NAME, SECRET)).toBe(SID);
    vi.useFakeTimers({ now: Date.now() + 70_000 });
    // Within next-auth's 15 s of clock skew it still reads; after it, it does not.
    expect(await sessionIdFromCookies([{ name: NAME, value: token }], NAME, SECRET)).toBe(SID);
    vi.setSystemTime(Date.now() + 10_000);
    expect(await sessionIdFromCookies([{ name: NAME, value: token }], NAME, SECRET)).toBeNull();
    vi.useRealTimers();
    // The same token under another secret is another key: refused, though this one was read.
    expect(await sessionIdFromCookies([{ name: NAME, value: token }], NAME, `${SECRET}-other`)).toBeNull();
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    for (let i = 0; i < 2; i++)
      expect(await sessionIdFromCookies([{ name: NAME, value: tampered }], NAME, SECRET)).toBeNull();
  });

  it("names the cookie as next-auth does", () => {
    expect(sessionCookieName({ NEXTAUTH_URL: "https://mend.example" }, null)).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName({ NEXTAUTH_URL: "http://localhost:3000" }, "https")).toBe(NAME);
    expect(sessionCookieName({}, "https")).toBe(NAME);
    expect(sessionCookieName({ AUTH_TRUST_HOST: "1" }, "https")).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName({ AUTH_TRUST_HOST: "1" }, "http")).toBe(NAME);
  });
});
