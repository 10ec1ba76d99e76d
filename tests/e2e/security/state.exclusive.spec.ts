import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-data";
import { test as base, expect } from "../fixtures";
import { readE2eState } from "../e2e-state";
import { PERSONA_NAMES, personaRequest, type Persona } from "../personas";
import { changedTables, snapshotDomainTables } from "./db-snapshot";
import { expectedStatuses, HTTP_MATRIX, targetsFor, type MatrixRow, type RowContext } from "./http-matrix-table";
import { buildMatrixWorld, withDb, type MatrixWorld } from "./matrix-world";
import { PAGE_PATHS } from "./page-paths";

/**
 * CSRF and "no state change on GET", proved against the database. These
 * compare whole-database fingerprints, so they run in the "exclusive" project,
 * after every other test has finished (playwright.config.ts), one at a time.
 */
const test = base.extend<object, { world: MatrixWorld }>({
  world: [async ({ browser }, use) => use(await buildMatrixWorld(browser)), { scope: "worker", timeout: 120_000 }],
});
test.describe.configure({ mode: "serial" });

const EVIL = "https://evil.example";
const DENIALS = [401, 403, 404];
/**
 * Who sends each write: for every route method, the first of its rows and
 * personas that the matrix lets through authorization (so that, were the
 * Origin check missing, the request would reach the handler).
 */
const WRITER_ORDER: Persona[] = [
  "admin",
  "therapist",
  "frontDesk",
  "patientA",
  "patientB",
  "otherClinicTherapist",
  "anonymous",
];
type Write = { row: MatrixRow; persona: Persona; expected: number[] | null };
function writes(): Write[] {
  const methods = HTTP_MATRIX.filter((r) => r.method !== "GET").filter(
    (r, i, all) => all.findIndex((o) => o.route === r.route && o.method === r.method) === i,
  );
  return methods.map((first) => {
    const rows = HTTP_MATRIX.filter((r) => r.route === first.route && r.method === first.method);
    for (const row of rows)
      for (const persona of WRITER_ORDER) {
        const expected = expectedStatuses(row.expect[persona]);
        if (expected?.every((s) => !DENIALS.includes(s))) return { row, persona, expected };
      }
    // Writes the matrix skips (e.g. replacing a patient's calendar feed): the attack is still sent.
    for (const row of rows)
      for (const persona of WRITER_ORDER)
        if (expectedStatuses(row.expect[persona]) === null) return { row, persona, expected: null };
    throw new Error(`${first.method} ${first.route}: no persona gets past authorization in the matrix`);
  });
}

async function send(request: APIRequestContext, row: MatrixRow, c: RowContext, headers: Record<string, string>) {
  const body = row.body?.(c);
  return request.fetch(row.path(c), {
    method: row.method,
    headers: { ...row.headers?.(), ...headers },
    ...(body && "json" in body ? { data: body.json } : {}),
    ...(body && "multipart" in body ? { multipart: body.multipart } : {}),
    maxRedirects: 0,
  });
}

test("every state-changing endpoint refuses a cross-site or null Origin (403) and nothing changes", async ({
  browser,
  world,
}) => {
  test.setTimeout(180_000);
  const { baseUrl, proxylessBaseUrl } = readE2eState();
  const plan = writes();
  const sessions = new Map<Persona, APIRequestContext>();
  const closers: Array<() => Promise<void>> = [];
  for (const { persona } of plan) {
    if (!sessions.has(persona)) {
      const s = await personaRequest(browser, persona, baseUrl);
      sessions.set(persona, s.request);
      closers.push(s.close);
    }
  }
  const attacks: Array<{ label: string; headers: Record<string, string> }> = [
    { label: "cross-site Origin", headers: { Origin: EVIL, "Sec-Fetch-Site": "cross-site" } },
    { label: "Origin: null", headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" } },
    { label: "another port on this host", headers: { Origin: proxylessBaseUrl, "Sec-Fetch-Site": "same-site" } },
    { label: "a look-alike host", headers: { Origin: `${baseUrl}.evil.example` } },
    { label: "no Origin, but a cross-site fetch", headers: { "Sec-Fetch-Site": "cross-site" } },
  ];
  // Records a row needs (e.g. a fresh template to archive) are made before the first fingerprint.
  const contexts = new Map<Write, RowContext>();
  for (const w of plan) {
    const request = sessions.get(w.persona)!;
    const c: RowContext = { ids: world.ids, persona: w.persona, ...targetsFor(w.persona, world.ids) };
    if (w.row.prepare?.for.includes(w.persona))
      c.prepared = await w.row.prepare.run(c, {
        post: async (p, data) => {
          const r = await request.post(p, { data });
          return { status: r.status(), json: await r.json() };
        },
      });
    contexts.set(w, c);
  }
  const failures: string[] = [];
  const before = await withDb(snapshotDomainTables);
  for (const w of plan) {
    for (const attack of attacks) {
      const res = await send(sessions.get(w.persona)!, w.row, contexts.get(w)!, attack.headers);
      const text = await res.text();
      if (res.status() !== 403 || !text.includes("Cross-site request refused."))
        failures.push(
          `${w.row.method} ${w.row.route} as ${w.persona}, ${attack.label}: ${res.status()} ${text.slice(0, 200)}`,
        );
    }
  }
  const after = await withDb(snapshotDomainTables);
  expect(failures).toEqual([]);
  expect(changedTables(before, after)).toEqual([]);

  // The same requests from our own origin get through to authorization (so the refusals above were the Origin check).
  for (const w of plan) {
    if (!w.expected) continue;
    const res = await send(sessions.get(w.persona)!, w.row, contexts.get(w)!, {
      Origin: baseUrl,
      "Sec-Fetch-Site": "same-origin",
    });
    expect(w.expected, `${w.row.method} ${w.row.route} as ${w.persona} from our own origin`).toContain(res.status());
  }
  // And the fingerprint does see a write when one happens: the admin's own-origin DELETE archived its template.
  expect(changedTables(after, await withDb(snapshotDomainTables))).toContainEqual(
    expect.stringMatching(/^ProgramTemplate: /),
  );
  for (const close of closers) await close();
});

test("a server action refuses a cross-site or null Origin (Next's own check) and nothing changes", async ({
  browser,
}) => {
  const { baseUrl } = readE2eState();
  // The action's id, as the production build named it.
  const manifest = JSON.parse(
    readFileSync(
      path.join(import.meta.dirname, "..", "..", "..", ".next", "server", "server-reference-manifest.json"),
      "utf8",
    ),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const actionId = Object.entries(manifest.node).find(
    ([, a]) => a.filename === "app/account/security/actions.ts" && a.exportedName === "confirmIdentityAction",
  )?.[0];
  expect(actionId).toBeTruthy();

  const { request, close } = await personaRequest(browser, "patientA", baseUrl);
  const { sid } = (await (await request.get("/api/auth/session")).json()) as { sid: string };
  const reauthAt = () =>
    withDb(
      async (db) => (await db.query(`SELECT "reauthAt" FROM "AuthSession" WHERE id = $1`, [sid])).rows[0].reauthAt,
    );
  // confirmIdentity with the right password: it would open the step-up window (AuthSession.reauthAt).
  const call = (origin: string) =>
    request.post("/account/security", {
      headers: {
        "Next-Action": actionId!,
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: origin,
      },
      data: JSON.stringify([{ password: DEMO_PASSWORD }]),
      maxRedirects: 0,
    });

  const before = await withDb(snapshotDomainTables);
  for (const origin of [EVIL, "null"]) {
    const res = await call(origin);
    expect(res.ok(), `action with Origin ${origin}`).toBe(false);
  }
  expect(await reauthAt()).toBeNull();
  expect(changedTables(before, await withDb(snapshotDomainTables))).toEqual([]);

  // The same call from our own origin runs: the refusals above were the Origin check.
  const own = await call(baseUrl);
  expect(own.status()).toBe(200);
  expect(await reauthAt()).not.toBeNull();
  await close();
});

test("no GET changes state: every GET endpoint and page, as every persona", async ({ browser, world }) => {
  test.setTimeout(240_000);
  const { baseUrl } = readE2eState();
  const sessions = await Promise.all(
    PERSONA_NAMES.map(async (persona) => ({ persona, ...(await personaRequest(browser, persona, baseUrl)) })),
  );
  const before = await withDb(snapshotDomainTables);
  let sent = 0;
  for (const { persona, request } of sessions) {
    const c: RowContext = { ids: world.ids, persona, ...targetsFor(persona, world.ids) };
    for (const row of HTTP_MATRIX.filter((r) => r.method === "GET")) {
      await request.get(row.path(c), { maxRedirects: 0 });
      sent++;
    }
    for (const page of Object.values(PAGE_PATHS)) {
      await request.get(page(world.ids), { maxRedirects: 0 });
      sent++;
    }
  }
  const after = await withDb(snapshotDomainTables);
  for (const s of sessions) await s.close();
  test.info().annotations.push({ type: "requests", description: String(sent) });
  expect(changedTables(before, after)).toEqual([]);
});
