import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "@/lib/http/respond";

const req = (method: string, headers: Record<string, string> = {}) =>
  new Request("http://clinic.example/api/patients", { method, headers: { host: "clinic.example", ...headers } });

async function refusal(method: string, headers: Record<string, string> = {}) {
  const res = crossSiteRefusal(req(method, headers));
  return res ? { status: res.status, body: (await res.json()) as { error: { message: string } } } : null;
}

describe("the CSRF check on state-changing requests", () => {
  it("lets reads through whatever their origin", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(await refusal(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
  });

  it("lets a write from our own origin through, also behind a proxy that names the public host", async () => {
    expect(await refusal("POST", { origin: "http://clinic.example", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(
      await refusal("PUT", {
        host: "127.0.0.1:3000",
        "x-forwarded-host": "clinic.example",
        origin: "https://clinic.example",
      }),
    ).toBeNull();
  });

  it("refuses another site, a null origin, another port and a look-alike host with 403", async () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "http://clinic.example:8080",
      "http://clinic.example.evil.example",
      "not a url",
    ]) {
      const r = await refusal("POST", { origin });
      expect(r?.status, origin).toBe(403);
      expect(r?.body.error.message).toBe("Cross-site request refused.");
    }
  });

  it("refuses a write the browser marks as not same-origin, even without an Origin header", async () => {
    for (const site of ["cross-site", "same-site", "none"])
      expect((await refusal("DELETE", { "sec-fetch-site": site }))?.status, site).toBe(403);
  });

  it("lets a write with neither header through: not a browser, so no ambient cookies to abuse (decision 040)", async () => {
    expect(await refusal("PATCH")).toBeNull();
  });
});
