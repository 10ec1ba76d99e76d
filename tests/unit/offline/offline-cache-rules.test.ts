import { describe, expect, it } from "vitest";
import {
  endsSession,
  mayKeep,
  PATIENT_CACHES,
  patientCacheNames,
  requestRule,
  type RequestFacts,
} from "@/lib/offline/offline-cache-rules";

const origin = "https://mend.example";
const req = (path: string, over: Partial<RequestFacts> = {}): RequestFacts => ({
  url: `${origin}${path}`,
  origin,
  method: "GET",
  mode: "navigate",
  accept: "text/html,application/xhtml+xml",
  rsc: null,
  prefetch: null,
  referrer: "",
  ...over,
});
const html = { status: 200, type: "basic", redirected: false, contentType: "text/html; charset=utf-8" };

describe("which requests the service worker keeps", () => {
  it("keeps Today as a document: opened, or fetched for the device with an html Accept", () => {
    expect(requestRule(req("/portal/exercises"))).toBe("offline-page");
    expect(requestRule(req("/portal/exercises", { mode: "cors", accept: "text/html" }))).toBe("offline-page");
  });

  it("never keeps the router's payload, a query variant, or a non-GET of the same page", () => {
    expect(requestRule(req("/portal/exercises", { mode: "cors", accept: "*/*", rsc: "1" }))).toBe("pass");
    expect(requestRule(req("/portal/exercises?_rsc=abc", { mode: "cors", rsc: "1" }))).toBe("pass");
    expect(requestRule(req("/portal/exercises?x=1"))).toBe("pass");
    expect(requestRule(req("/portal/exercises", { method: "POST" }))).toBe("pass");
  });

  it("leaves every other page alone: staff pages, the patient's other pages, public pages, other origins", () => {
    for (const path of [
      "/clinic/therapist",
      "/clinic/patients/123/exercises",
      "/portal",
      "/portal/exercises/history",
      "/portal/appointments",
      "/account/security",
      "/intake/tok",
      "/",
    ])
      expect(requestRule(req(path)), path).toBe("pass");
    expect(requestRule(req("/portal/exercises", { url: "https://elsewhere.example/portal/exercises" }))).toBe("pass");
  });

  it("leaves every API call to the network, the patient's own included", () => {
    for (const path of [
      "/api/me/exercises/today",
      "/api/patients",
      "/api/booking/slots",
      "/api/health",
      "/api/auth/session",
    ])
      expect(requestRule(req(path, { mode: "cors", accept: "application/json" })), path).toBe("pass");
    expect(requestRule(req("/api/me/exercise-logs", { mode: "cors", method: "POST" }))).toBe("pass");
  });

  it("keeps an exercise picture only when an offline page shows it", () => {
    const picture = { mode: "no-cors", accept: "image/*" };
    expect(requestRule(req("/api/exercise-media/m1", { ...picture, referrer: `${origin}/portal/exercises` }))).toBe(
      "offline-page-media",
    );
    expect(requestRule(req("/api/exercise-media/m1", { ...picture, referrer: `${origin}/clinic/exercises` }))).toBe(
      "pass",
    );
    expect(requestRule(req("/api/exercise-media/m1", { ...picture, referrer: "" }))).toBe("pass");
  });

  it("treats sign-out and every arrival on a sign-in page as the end of the session", () => {
    expect(requestRule(req("/api/auth/signout", { method: "POST", mode: "cors" }))).toBe("ends-session");
    expect(requestRule(req("/sign-in?reason=signed_out"))).toBe("ends-session");
    expect(requestRule(req("/sign-in/verify"))).toBe("ends-session");
    // The router following a server's redirect to sign in fetches its payload, not a document.
    expect(requestRule(req("/sign-in?next=%2Fportal", { mode: "cors", accept: "*/*", rsc: "1" }))).toBe("ends-session");
    // Not a look-alike, not a prefetch of a link, not a plain fetch.
    expect(requestRule(req("/sign-inside"))).toBe("pass");
    expect(requestRule(req("/sign-in", { mode: "cors", accept: "*/*", rsc: "1", prefetch: "1" }))).toBe("pass");
    expect(requestRule(req("/sign-in", { mode: "cors", accept: "*/*" }))).toBe("pass");
  });
});

describe("which answers are kept, and which end the session", () => {
  it("keeps only a plain 200 of the right kind", () => {
    expect(mayKeep("offline-page", html)).toBe(true);
    expect(mayKeep("offline-page", { ...html, redirected: true })).toBe(false);
    expect(mayKeep("offline-page", { ...html, status: 0, type: "opaqueredirect" })).toBe(false);
    expect(mayKeep("offline-page", { ...html, status: 403 })).toBe(false);
    expect(mayKeep("offline-page", { ...html, contentType: "text/x-component" })).toBe(false);
    expect(mayKeep("offline-page-media", { ...html, contentType: "image/png" })).toBe(true);
    expect(mayKeep("offline-page-media", { ...html, contentType: "video/mp4" })).toBe(false);
  });

  it("ends the session on a redirect away from Today, on a 401, and on sign-out, not on other answers", () => {
    expect(endsSession("offline-page", { status: 0, type: "opaqueredirect", redirected: false })).toBe(true);
    expect(endsSession("offline-page", { status: 200, type: "basic", redirected: true })).toBe(true);
    expect(endsSession("offline-page", { status: 200, type: "basic", redirected: false })).toBe(false);
    expect(endsSession("offline-page-media", { status: 401, type: "basic", redirected: false })).toBe(true);
    expect(endsSession("offline-page-media", { status: 404, type: "basic", redirected: false })).toBe(false);
    expect(endsSession("ends-session", { status: 200, type: "basic", redirected: false })).toBe(true);
    expect(endsSession("pass", { status: 401, type: "basic", redirected: false })).toBe(false);
  });

  it("clears only the patient's caches, never the build's precache or another site's", () => {
    expect(
      patientCacheNames([PATIENT_CACHES.pages, PATIENT_CACHES.media, "mend-precache-v2-https://mend.example/", "x"]),
    ).toEqual([PATIENT_CACHES.pages, PATIENT_CACHES.media]);
  });
});
