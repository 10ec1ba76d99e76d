import { expect, test } from "./fixtures";

test("pages carry a nonce-only script policy, API responses a static policy that allows nothing, both the security headers", async ({
  page,
  request,
}) => {
  for (const path of ["/sign-in", "/api/health"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["strict-transport-security"], path).toContain("max-age=");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("same-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["cross-origin-opener-policy"], path).toBe("same-origin");
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    if (path.startsWith("/api/")) {
      // JSON never runs anything: no nonce, no sources at all (docs/decisions/007).
      expect(csp, path).toBe("default-src 'none'; frame-ancestors 'none'");
      continue;
    }
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).not.toContain("unsafe-inline' 'strict");
    expect(
      csp.split(";").find((d) => d.trim().startsWith("script-src")),
      path,
    ).not.toContain("unsafe-inline");
  }

  // Every script the page ships carries this response's nonce.
  const response = await page.goto("/sign-in");
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
});

test("the sign-in form shows the lock-out message on the 6th failed attempt", async ({ page }) => {
  const email = `nobody-${Date.now()}@example.com`;
  await page.goto("/sign-in");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  }
  await page.getByLabel("Password").fill("wrong-again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many sign-in attempts. Try again in 15 minutes." }),
  ).toBeVisible();
});
