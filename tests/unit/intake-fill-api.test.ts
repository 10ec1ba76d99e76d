import { afterEach, describe, expect, it, vi } from "vitest";
import { intakeFillApi, messageOf } from "@/components/intake/intake-fill-api";
import { ApiError, apiErrorFrom, FALLBACK_MESSAGE, NETWORK_MESSAGE } from "@/lib/http/api-client";

type Sent = { url: string; method?: string; keepalive?: boolean; body?: unknown };

function stubFetch(answer: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    sent.push({
      url,
      method: init.method,
      keepalive: init.keepalive,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

const draft = { answers: {}, baseRevision: 3, currentStep: "contact" as const };
const saved = { saved: { revision: 4, savedAt: "2026-12-04T10:00:00.000Z", emergency: false } };

describe("intake fill client: one form, reached by link or from the portal", () => {
  it("saves through the link's token: a PUT, or a keepalive POST as the page is hidden", async () => {
    const sent = stubFetch(saved);
    const api = intakeFillApi({ token: "tok_en-1" });
    expect(await api.save(draft, false)).toEqual(saved.saved);
    await api.save(draft, true);
    expect(sent).toEqual([
      { url: "/api/intake/tok_en-1/draft", method: "PUT", keepalive: undefined, body: draft },
      { url: "/api/intake/tok_en-1/draft", method: "POST", keepalive: true, body: draft },
    ]);
  });

  it("loads and submits the signed-in patient's own intake by its id", async () => {
    const id = "11111111-1111-4111-8111-111111111111";
    const sent = stubFetch({ intake: { id }, submitted: { intakeId: id } });
    const api = intakeFillApi({ intakeId: id });
    expect(await api.load()).toEqual({ id });
    expect(await api.submit("22222222-2222-4222-8222-222222222222")).toEqual({ intakeId: id });
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ["GET", `/api/intakes/${id}`, undefined],
      ["POST", `/api/intakes/${id}/submit`, { submissionKey: "22222222-2222-4222-8222-222222222222" }],
    ]);
  });
});

describe("messageOf: the server's words, else the screen's own", () => {
  it("keeps what the server said, and falls back when it said nothing or could not be reached", () => {
    const fallback = "We could not save your answers just now.";
    expect(messageOf(apiErrorFrom(410, { error: { message: "This link has expired." } }), fallback)).toBe(
      "This link has expired.",
    );
    expect(messageOf(apiErrorFrom(502, "<html>Bad gateway</html>"), fallback)).toBe(fallback);
    expect(apiErrorFrom(502, null).message).toBe(FALLBACK_MESSAGE);
    expect(messageOf(new ApiError(0, "network", NETWORK_MESSAGE), fallback)).toBe(fallback);
    expect(messageOf(new TypeError("Failed to fetch"), fallback)).toBe(fallback);
  });
});
