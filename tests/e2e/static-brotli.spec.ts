import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { DEMO_INTAKE_TOKEN } from "../../prisma/seed/intake-demo";
import type { RouteBundle } from "../../scripts/perf/js-budget-rules";
import { expect, test } from "./fixtures";

/**
 * The production server (server.ts, docs/decisions/100) sends the build's JS
 * as its brotli copy to browsers that accept brotli, gzip (Next's) to the
 * rest, and no path under /_next/static/ reaches a file outside the build.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** Raw HTTP, so the path goes out exactly as written and the body stays encoded. */
function send(baseURL: string, pathAsIs: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: pathAsIs, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The intake link's first-load chunks, as the build lists them. */
function intakeChunks(): string[] {
  const stats = JSON.parse(
    readFileSync(path.join(ROOT, ".next", "diagnostics", "route-bundle-stats.json"), "utf8"),
  ) as RouteBundle[];
  return stats.find((r) => r.route === "/intake/[token]")!.firstLoadChunkPaths.filter((c) => c.endsWith(".js"));
}

const urlOf = (chunk: string) => `/_next/static/${path.relative(path.join(".next", "static"), chunk)}`;

test("a chunk comes back as brotli whose decoded bytes are the build's file, or as gzip when brotli is not accepted", async ({
  baseURL,
}) => {
  const chunk = intakeChunks()[0]!;
  const onDisk = readFileSync(path.join(ROOT, chunk));

  const br = await send(baseURL!, urlOf(chunk), { "accept-encoding": "gzip, deflate, br" });
  expect(br.status).toBe(200);
  expect(br.headers["content-encoding"]).toBe("br");
  expect(br.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
  expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(br.headers["vary"]).toBe("Accept-Encoding");
  expect(br.headers["x-content-type-options"]).toBe("nosniff");
  expect(brotliDecompressSync(br.body).equals(onDisk)).toBe(true);

  const gzip = await send(baseURL!, urlOf(chunk), { "accept-encoding": "gzip, br;q=0" });
  expect(gzip.status).toBe(200);
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gzip.body).equals(onDisk)).toBe(true);
  expect(br.body.length).toBeLessThan(gzip.body.length);
});

test("paths that climb out of /_next/static/ are refused", async ({ baseURL }) => {
  for (const url of [
    "/_next/static/../../package.json",
    "/_next/static/%2e%2e/%2e%2e/package.json",
    "/_next/static/chunks/..%2f..%2f..%2fpackage.json",
    "/_next/static/../../.next/mend-server.mjs",
    "/_next/static/chunks/%2e%2e/%2e%2e/%2e%2e/server.ts",
  ]) {
    const res = await send(baseURL!, url, { "accept-encoding": "br, gzip" });
    expect(res.status, url).not.toBe(200);
    expect(res.headers["content-encoding"], url).not.toBe("br");
    expect(res.body.toString(), url).not.toContain('"name": "mend"');
  }
});

test("the browser receives the intake link's scripts as brotli", async ({ page }) => {
  const encodings = new Map<string, string | undefined>();
  page.on("response", async (response) => {
    if (!/\/_next\/static\/.+\.js$/.test(new URL(response.url()).pathname)) return;
    encodings.set(response.url(), (await response.allHeaders())["content-encoding"]);
  });
  await page.goto(`/intake/${DEMO_INTAKE_TOKEN}`);
  await page.waitForLoadState("networkidle");
  expect(encodings.size).toBeGreaterThan(0);
  expect([...new Set(encodings.values())]).toEqual(["br"]);
});
