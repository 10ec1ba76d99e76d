import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiClient, apiErrorFrom, fetchJson, NETWORK_MESSAGE } from "@/lib/http/api-client";
import { pathOf } from "@/lib/http/endpoint";
import type { bookingContracts } from "@/lib/booking/contracts";
import { bookingRoutes } from "@/lib/booking/routes";

const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });

afterEach(() => vi.unstubAllGlobals());

describe("apiErrorFrom: the server's error body becomes one ApiError", () => {
  it("keeps status, code, message and field errors, and the rest of the body as extra", () => {
    const e = apiErrorFrom(409, {
      error: {
        code: "conflict",
        message: "That time was just taken.",
        fieldErrors: { startsAt: ["Choose another time."] },
        freshSlots: [{ start: "2026-12-04T09:00:00.000Z" }],
      },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([409, "conflict", "That time was just taken."]);
    expect(e.fieldErrors).toEqual({ startsAt: ["Choose another time."] });
    expect(e.hasFieldErrors).toBe(true);
    expect(e.extra).toEqual({ freshSlots: [{ start: "2026-12-04T09:00:00.000Z" }] });
  });

  it("gives a usable error for a body that is not ours (a proxy's page, nothing at all)", () => {
    for (const body of [null, "<html>Bad gateway</html>", { error: "nope" }, { error: { message: 42 } }]) {
      const e = apiErrorFrom(502, body);
      expect(e.status).toBe(502);
      expect(e.code).toBe("unknown");
      expect(e.message).toMatch(/try again/i);
      expect(e.fieldErrors).toEqual({});
    }
  });

  it("drops field errors that are not lists of strings instead of showing [object Object]", () => {
    const e = apiErrorFrom(422, {
      error: { code: "validation", message: "Check", fieldErrors: { a: ["ok", 3], b: "single", c: [{}], d: 5 } },
    });
    expect(e.fieldErrors).toEqual({ a: ["ok"], b: ["single"] });
  });
});

describe("fetchJson and the typed client", () => {
  it("throws ApiError with the server's field errors on a 422", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        json(422, { error: { code: "validation", message: "Some answers", fieldErrors: { name: ["Name it."] } } }),
      ),
    );
    const error = await fetchJson("/api/x", { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual({ name: ["Name it."] });
  });

  it("turns a network failure into a status-0 ApiError with a message a person can act on", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const error = (await fetchJson("/api/x").catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code, error.message]).toEqual([0, "network", NETWORK_MESSAGE]);
  });

  it("answers undefined for 204", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(null, { status: 204 })));
    await expect(fetchJson("/api/x", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("calls a contract's route: method, encoded path parameters, query and JSON body", async () => {
    const fetchMock = vi.fn(async (..._args: unknown[]) => json(200, { appointment: { id: "a" } }));
    vi.stubGlobal("fetch", fetchMock);
    const api = apiClient<typeof bookingContracts>(bookingRoutes);
    await api.cancel({ params: { appointmentId: "a/b" }, body: { expectedVersion: 3, reason: "Ill today" } });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/booking/appointments/a%2Fb/cancel");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ expectedVersion: 3, reason: "Ill today" });
    expect((init.headers as Record<string, string>)["content-type"]).toBe("application/json");

    await api.calendar({ query: { date: "2026-12-04", view: "week" } });
    expect(fetchMock.mock.calls[1]?.[0]).toBe("/api/booking/calendar?date=2026-12-04&view=week");
  });

  it("refuses to build a path with a parameter missing", () => {
    expect(() => pathOf("/api/patients/{patientId}", {})).toThrow(/patientId/);
  });
});
