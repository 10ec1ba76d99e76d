import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_MATRIX, PERSONAS } from "../../e2e/security/http-matrix-table";
import { PAGE_PATHS } from "../../e2e/security/page-paths";
import { DATA_ACCESS_MATRIX, SERVER_ACTIONS } from "../../integration/security/data-access-matrix";
import { USER_PERSONAS } from "../../integration/security/world";
import { listActorFunctions, listRouteMethods, listServerActions, ROOT } from "../../security/inventory";

/**
 * The meta-test: everything reachable from outside, and every data-access
 * function, must be in the authorization matrices. A new route method, page,
 * server action or Actor-taking function fails here, by name, until it has
 * its row, so none can skip the matrix.
 */
const missing = (wanted: string[], have: Set<string>) => wanted.filter((x) => !have.has(x));

describe("the authorization matrices cover everything", () => {
  it("has an HTTP matrix row for every exported method of every app/**/route.ts, and no row for one that is gone", () => {
    const inventory = listRouteMethods().map((r) => `${r.method} ${r.route}`);
    const rows = new Set(HTTP_MATRIX.map((r) => `${r.method} ${r.route}`));
    expect(inventory.length).toBeGreaterThan(40);
    expect(missing(inventory, rows), "route methods with no row in tests/e2e/security/http-matrix-table.ts").toEqual(
      [],
    );
    expect(missing([...rows], new Set(inventory)), "rows for route methods that no longer exist").toEqual([]);
  });

  it("gives every HTTP row an expectation for each of the seven personas", () => {
    for (const row of HTTP_MATRIX)
      expect(Object.keys(row.expect).sort(), `${row.method} ${row.route}`).toEqual([...PERSONAS].sort());
  });

  it("lists every page for the no-state-change-on-GET sweep", () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "page.tsx" || name === "page.ts")
          pages.push(path.relative(ROOT, full).split(path.sep).join("/"));
      }
    };
    walk(path.join(ROOT, "app"));
    expect(missing(pages.sort(), new Set(Object.keys(PAGE_PATHS))), "pages missing from page-paths.ts").toEqual([]);
    expect(missing(Object.keys(PAGE_PATHS), new Set(pages)), "page-paths.ts entries for pages that are gone").toEqual(
      [],
    );
  });

  it("has a data-access matrix entry for every exported function under lib/ that takes an Actor", () => {
    const inventory = listActorFunctions();
    const entries = new Set(Object.keys(DATA_ACCESS_MATRIX));
    expect(inventory.length).toBeGreaterThan(60);
    expect(
      missing(inventory, entries),
      "functions missing from tests/integration/security/data-access-matrix.ts",
    ).toEqual([]);
    expect(missing([...entries], new Set(inventory)), "matrix entries for functions that are gone").toEqual([]);
    for (const [fn, cases] of Object.entries(DATA_ACCESS_MATRIX)) {
      expect(cases.length, fn).toBeGreaterThan(0);
      for (const c of cases)
        for (const persona of USER_PERSONAS)
          expect(c.expect[persona], `${fn} ${c.label ?? ""} ${persona}`).toBeTruthy();
    }
  });

  it("maps every server action to the data-access calls its body really makes", () => {
    const { actions, inline } = listServerActions();
    expect(
      inline,
      "inline 'use server' functions: move them to an actions.ts file so the matrix can list them",
    ).toEqual([]);
    expect(
      missing(actions, new Set(Object.keys(SERVER_ACTIONS))),
      "server actions missing from SERVER_ACTIONS",
    ).toEqual([]);
    expect(missing(Object.keys(SERVER_ACTIONS), new Set(actions)), "SERVER_ACTIONS entries that are gone").toEqual([]);
    for (const [action, mapping] of Object.entries(SERVER_ACTIONS)) {
      const called = libCallsIn(action);
      if ("calls" in mapping) {
        expect(called.sort(), action).toEqual([...mapping.calls].sort());
        for (const fn of mapping.calls)
          expect(DATA_ACCESS_MATRIX[fn], `${action} -> ${fn} is not in the matrix`).toBeDefined();
      } else {
        for (const fn of called) expect(mapping.identityBound, action).toContain(fn.split("#")[1]);
        const [, testFile] = mapping.identityBound.split(": ");
        expect(existsSync(path.join(ROOT, testFile!)), `${action}: ${testFile}`).toBe(true);
      }
    }
  });
});

/** Who asks and how errors are shaped: not domain calls. */
const PLUMBING = new Set(["lib/auth/current-actor.ts", "lib/http/action-result.ts", "lib/auth/request-origin.ts"]);

/** The lib/ functions an exported server action's body calls, as "file#name". */
function libCallsIn(action: string): string[] {
  const [file, name] = action.split("#") as [string, string];
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const imported = new Map<string, string>();
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/(lib\/[^"]+)"/g)) {
    const modulePath = [".ts", ".tsx"].map((ext) => `${m[2]}${ext}`).find((f) => existsSync(path.join(ROOT, f)))!;
    if (PLUMBING.has(modulePath)) continue;
    for (const part of m[1]!.split(",")) {
      const [orig, local] = part
        .replace(/\btype\s+/, "")
        .trim()
        .split(/\s+as\s+/);
      if (orig) imported.set((local ?? orig).trim(), `${modulePath}#${orig.trim()}`);
    }
  }
  const start = source.search(new RegExp(`export\\s+async\\s+function\\s+${name}\\b`));
  const rest = source.slice(start + 1);
  const end = rest.search(/\nexport\s/);
  const body = end === -1 ? rest : rest.slice(0, end);
  return [...imported].filter(([local]) => new RegExp(`\\b${local}\\(`).test(body)).map(([, fn]) => fn);
}
