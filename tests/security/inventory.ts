import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Everything that can be called from outside or that guards data, found by
 * reading the source text (not by importing it): route handler methods,
 * server actions and the data-access functions that take an Actor. The
 * authorization meta-test compares these lists with the matrices, so a new
 * endpoint or function cannot skip them.
 */
export const ROOT = path.join(import.meta.dirname, "..", "..");

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
      walk(full, keep, out);
    } else if (keep(full)) out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
const isSource = (f: string) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".d.ts");

/** Strips comments so that a commented-out export is not counted (string contents are left alone). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

export type RouteMethod = { route: string; method: HttpMethod };

/** Every exported HTTP method of every app/**\/route.ts: `export const GET`, `export async function POST`, `export { h as PUT }`. */
export function listRouteMethods(): RouteMethod[] {
  const out: RouteMethod[] = [];
  for (const file of walk(path.join(ROOT, "app"), (f) => /[\\/]route\.(ts|tsx)$/.test(f))) {
    const source = withoutComments(readFileSync(file, "utf8"));
    const found = new Set<HttpMethod>();
    for (const m of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g))
      if ((HTTP_METHODS as readonly string[]).includes(m[1]!)) found.add(m[1] as HttpMethod);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
      for (const part of m[1]!.split(",")) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!
          .trim();
        if ((HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
      }
    for (const method of [...found].sort()) out.push({ route: rel(file), method });
  }
  return out.sort((a, b) => `${a.route} ${a.method}`.localeCompare(`${b.route} ${b.method}`));
}

export type ServerActionInventory = {
  /** "file#exportName" for every export of a file that starts with "use server". */
  actions: string[];
  /** Files with a "use server" directive anywhere but the top (inline actions), which the matrix cannot list. */
  inline: string[];
};

/** Server actions: exported functions of files whose first statement is "use server". */
export function listServerActions(): ServerActionInventory {
  const actions: string[] = [];
  const inline: string[] = [];
  for (const dir of ["app", "components", "lib"]) {
    for (const file of walk(path.join(ROOT, dir), isSource)) {
      const source = withoutComments(readFileSync(file, "utf8"));
      if (!/["']use server["']/.test(source)) continue;
      if (!/^\s*["']use server["'];?/.test(source)) {
        inline.push(rel(file));
        continue;
      }
      for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)\s*=/g))
        actions.push(`${rel(file)}#${m[1] ?? m[2]}`);
      if (/export\s*\{/.test(source) || /export\s+default/.test(source))
        throw new Error(`${rel(file)}: export server actions as named functions so the matrix can list them`);
    }
  }
  return { actions: actions.sort(), inline };
}

/**
 * Data-access functions: every exported function under lib/ whose first
 * parameter is an Actor (or the intake's IntakeActor), e.g.
 * `export async function getPatient(actor: Actor, patientId: string)` or
 * `export const getOwnClinic = cache(async (actor: Actor) => ...)`.
 */
export function listActorFunctions(): string[] {
  const out: string[] = [];
  const declared = /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^>()]*>)?\s*\(\s*\w+\s*:\s*(?:Actor|IntakeActor)\b/g;
  // Also arrow functions, bare or wrapped once (React's `cache(async (actor: Actor) => ...)`).
  const arrow = /export\s+const\s+(\w+)\s*=\s*(?:[\w.]+\(\s*)?(?:async\s*)?\(\s*\w+\s*:\s*(?:Actor|IntakeActor)\b/g;
  for (const file of walk(path.join(ROOT, "lib"), isSource)) {
    const source = withoutComments(readFileSync(file, "utf8"));
    for (const re of [declared, arrow]) for (const m of source.matchAll(re)) out.push(`${rel(file)}#${m[1]}`);
  }
  return out.sort();
}
