import { expect, test } from "../fixtures";
import { readE2eState } from "../e2e-state";
import { personaRequest } from "../personas";

/**
 * The proxy only redirects for convenience; pages, APIs and data access check
 * for themselves. The same requests against a server with the proxy switched
 * off, or with a forged internal header, get the same refusals.
 */
test("without the proxy, signed-in areas still refuse visitors and APIs still answer 401", async ({ browser }) => {
  const state = readE2eState();
  for (const baseURL of [state.baseUrl, state.proxylessBaseUrl]) {
    const { request, close } = await personaRequest(browser, "anonymous", baseURL);
    const page = await request.get("/clinic/admin", { maxRedirects: 0 });
    expect(page.status(), baseURL).toBe(307);
    expect(page.headers()["location"], baseURL).toMatch(/\/sign-in\?next=%2Fclinic%2Fadmin/);
    // The proxy sets the CSP: its absence shows this server really runs without it.
    const signInPage = await request.get("/sign-in");
    expect(Boolean(signInPage.headers()["content-security-policy"]), baseURL).toBe(baseURL === state.baseUrl);
    expect((await request.get("/api/patients?q=")).status(), baseURL).toBe(401);
    // CVE-2025-29927: this header once made Next skip middleware; with or without it nothing opens.
    const forged = await request.get("/api/patients?q=", {
      headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    });
    expect(forged.status(), baseURL).toBe(401);
    await close();
  }
});

test("without the proxy, a patient still cannot read staff pages or another patient's record", async ({ browser }) => {
  const state = readE2eState();
  const staff = await personaRequest(browser, "frontDesk", state.baseUrl);
  const found = (await (await staff.request.get("/api/patients?q=Lee")).json()) as { patients: { id: string }[] };
  const jordanId = found.patients[0]!.id;
  await staff.close();
  const { request, close } = await personaRequest(browser, "patientA", state.proxylessBaseUrl);
  expect((await request.get(`/clinic/patients/${jordanId}`, { maxRedirects: 0 })).status()).toBe(403);
  expect((await request.get(`/api/patients/${jordanId}`)).status()).toBe(404);
  await close();
});
