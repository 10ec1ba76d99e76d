import { test as base, expect } from "../fixtures";
import { readE2eState } from "../e2e-state";
import { PERSONA_NAMES, personaRequest } from "../personas";
import { expectedStatuses, HTTP_MATRIX, targetsFor, type RowContext } from "./http-matrix-table";
import { buildMatrixWorld, type MatrixWorld } from "./matrix-world";
import { PAGE_PATHS } from "./page-paths";

/**
 * Every route handler method as every persona (tests/e2e/security/
 * http-matrix-table.ts), against the normal server and the one with the proxy
 * switched off, each time plain and with a forged `x-middleware-subrequest`
 * header (CVE-2025-29927 made Next skip middleware when it was present). The
 * status must be the one in the table every time, and no body may carry
 * another patient's or clinic's identifying data, or clinical detail the
 * persona may not read. Every page is then fetched too, with the same check
 * on what it shows.
 */
const test = base.extend<object, { world: MatrixWorld }>({
  world: [async ({ browser }, use) => use(await buildMatrixWorld(browser)), { scope: "worker", timeout: 120_000 }],
});

const HEADER_VARIANTS: Array<{ label: string; headers: Record<string, string> }> = [
  { label: "plain", headers: {} },
  {
    label: "forged x-middleware-subrequest (middleware)",
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  },
  {
    label: "forged x-middleware-subrequest (proxy)",
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  },
];

test.describe.configure({ mode: "parallel" });

for (const persona of PERSONA_NAMES) {
  for (const server of ["normal", "proxy-less"] as const) {
    test(`${persona} on the ${server} server gets exactly the matrix's answer from every endpoint`, async ({
      browser,
      world,
    }) => {
      test.setTimeout(240_000);
      const state = readE2eState();
      const baseURL = server === "normal" ? state.baseUrl : state.proxylessBaseUrl;
      const { request, close } = await personaRequest(browser, persona, baseURL);
      const failures: string[] = [];
      let sent = 0;
      for (const row of HTTP_MATRIX) {
        const expected = expectedStatuses(row.expect[persona]);
        if (!expected) continue;
        for (const variant of HEADER_VARIANTS) {
          const c: RowContext = { ids: world.ids, persona, ...targetsFor(persona, world.ids) };
          if (row.prepare?.for.includes(persona))
            c.prepared = await row.prepare.run(c, {
              post: async (path, data) => {
                const r = await request.post(path, { data });
                return { status: r.status(), json: await r.json() };
              },
            });
          const body = row.body?.(c);
          const res = await request.fetch(row.path(c), {
            method: row.method,
            headers: { ...row.headers?.(), ...variant.headers },
            ...(body && "json" in body ? { data: body.json } : {}),
            ...(body && "multipart" in body ? { multipart: body.multipart } : {}),
            maxRedirects: 0,
          });
          sent++;
          const text = (await res.body()).toString("latin1");
          const what = `${row.method} ${row.route}${row.variant ? ` (${row.variant})` : ""} [${variant.label}]`;
          if (!expected.includes(res.status()))
            failures.push(`${what}: expected ${expected.join(" or ")}, got ${res.status()} ${text.slice(0, 300)}`);
          for (const secret of world.forbiddenText[persona])
            if (text.includes(secret)) failures.push(`${what}: the body contains "${secret}"`);
        }
      }
      // Pages render the same data: none may show the persona what the API may not give it.
      for (const [file, pagePath] of Object.entries(PAGE_PATHS)) {
        const res = await request.get(pagePath(world.ids), { maxRedirects: 0 });
        sent++;
        const text = await res.text();
        if (res.status() >= 500) failures.push(`page ${file}: ${res.status()}`);
        for (const secret of world.forbiddenText[persona])
          if (text.includes(secret)) failures.push(`page ${file}: the page contains "${secret}"`);
      }
      // The session must have survived every row (e.g. next-auth's sign-out without its CSRF token).
      if (persona !== "anonymous") {
        const session = (await (await request.get("/api/auth/session")).json()) as { sid?: string };
        if (!session.sid) failures.push("the session ended during the matrix");
      }
      await close();
      test.info().annotations.push({ type: "requests", description: String(sent) });
      expect(failures).toEqual([]);
    });
  }
}
