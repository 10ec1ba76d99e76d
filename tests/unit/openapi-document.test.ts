import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { openApiDocument } from "@/lib/openapi/document";

const ROOT = path.join(import.meta.dirname, "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Route files that are not part of the JSON API, and why. */
const NOT_IN_DOCUMENT: Record<string, string> = {
  "/api/auth/{nextauth}": "next-auth's own protocol (form posts and redirects), not a JSON API of ours",
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

/** "app/api/patients/[patientId]/route.ts" -> "/api/patients/{patientId}", with the methods it exports. */
function routesOnDisk() {
  return routeFiles(path.join(ROOT, "app", "api")).map((file) => {
    const rel = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
    const apiPath = `/${rel.map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/")}`;
    const src = readFileSync(file, "utf8");
    const methods = METHODS.filter(
      (m) =>
        new RegExp(`export (const|async function|function) ${m}\\b`).test(src) || new RegExp(`as ${m}\\b`).test(src),
    );
    return { apiPath, methods };
  });
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000");
  const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;

  it("lists every route handler under app/api and every method it exports, and nothing else", () => {
    const onDisk = routesOnDisk().filter((r) => !(r.apiPath in NOT_IN_DOCUMENT));
    expect(onDisk.length).toBeGreaterThan(30);
    for (const { apiPath, methods } of onDisk) {
      expect(Object.keys(paths), `${apiPath} is missing from the OpenAPI document`).toContain(apiPath);
      expect(Object.keys(paths[apiPath]!).sort(), apiPath).toEqual(methods.map((m) => m.toLowerCase()).sort());
    }
    expect(Object.keys(paths).sort()).toEqual(onDisk.map((r) => r.apiPath).sort());
  });

  it("says who may call each operation, with permissions that exist", () => {
    for (const [p, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const permission = op["x-mend-permission"] as string | string[] | undefined;
        const credential = op["x-mend-credential"];
        expect(
          Boolean(permission) !== Boolean(credential),
          `${method} ${p}: exactly one of permission/credential`,
        ).toBe(true);
        for (const x of [permission ?? []].flat()) expect(PERMISSIONS, `${method} ${p}`).toContain(x);
      }
    }
  });

  it("declares every path parameter, and JSON bodies come from zod schemas (objects with properties)", () => {
    for (const [p, ops] of Object.entries(paths)) {
      const inPath = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const declared = ((op.parameters ?? []) as { name: string; in: string }[])
          .filter((x) => x.in === "path")
          .map((x) => x.name);
        expect(declared.sort(), `${method} ${p}`).toEqual([...inPath].sort());
        const body = (op.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined)
          ?.content?.["application/json"]?.schema;
        if (body) expect(body.type === "object" && typeof body.properties === "object", `${method} ${p}`).toBe(true);
      }
    }
  });

  it("is a valid OpenAPI 3.1 document, and plain JSON", async () => {
    const plain = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    expect(plain).toEqual(doc);
    const result = await new Validator().validate(plain);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("notices an invalid document (the validator is not a no-op)", async () => {
    const broken = { ...JSON.parse(JSON.stringify(doc)), paths: { "/x": { get: { responses: "nope" } } } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});
