import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";
import { loadPrecompressedStatic } from "@/lib/server/precompressed-static";

/**
 * The production server's brotli answers (lib/server/precompressed-static.ts)
 * on a real HTTP server over a folder laid out like .next/static, with a
 * stand-in for Next that answers whatever the handler leaves alone. A file
 * with a brotli copy sits outside the folder, where no URL may reach it.
 */
const dir = mkdtempSync(path.join(tmpdir(), "mend-precompressed-"));
const staticDir = path.join(dir, "static");
const js = Buffer.from("export const answer = 42;\n".repeat(200));
const css = Buffer.from("body { color: #123456; }\n".repeat(100));
const secret = Buffer.from("const secret = 'outside the static folder';\n".repeat(50));
let server: Server;
let base: { host: string; port: number };

function write(file: string, body: Buffer, withBrotli: boolean) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, body);
  if (withBrotli) writeFileSync(`${file}.br`, brotliCompressSync(body));
}

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A raw request: the path goes out exactly as written (no client-side `..` clean-up). */
function send(pathAsIs: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ ...base, path: pathAsIs, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  write(path.join(staticDir, "chunks", "app.js"), js, true);
  write(path.join(staticDir, "css", "app.css"), css, true);
  write(path.join(staticDir, "chunks", "plain.js"), js, false);
  write(path.join(dir, "secret.js"), secret, true);
  const precompressed = loadPrecompressedStatic(staticDir);
  expect(precompressed.size).toBe(2);
  server = createServer((req, res) => {
    if (precompressed.serve(req, res)) return;
    res.setHeader("x-answered-by", "next");
    res.statusCode = 404;
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = { host: "127.0.0.1", port: (server.address() as AddressInfo).port };
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("precompressed static files", () => {
  it("answers a JS file with its brotli copy, whose decoded bytes are the file's, with Next's static headers", async () => {
    const res = await send("/_next/static/chunks/app.js?v=1", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(res.headers["vary"]).toBe("Accept-Encoding");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(js.length / 10);
    expect(brotliDecompressSync(res.body).equals(js)).toBe(true);
    for (const { key, value } of STATIC_SECURITY_HEADERS) expect(res.headers[key.toLowerCase()]).toBe(value);
  });

  it("answers CSS with its own type", async () => {
    const res = await send("/_next/static/css/app.css", { "accept-encoding": "br" });
    expect(res.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect(brotliDecompressSync(res.body).equals(css)).toBe(true);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const res = await send("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(Number(res.headers["content-length"])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it("answers a matching If-None-Match with 304", async () => {
    const first = await send("/_next/static/chunks/app.js", { "accept-encoding": "br" });
    const again = await send("/_next/static/chunks/app.js", {
      "accept-encoding": "br",
      "if-none-match": first.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it.each([
    ["gzip, deflate", "gzip only"],
    ["br;q=0, gzip", "brotli refused"],
    ["*, br;q=0", "brotli refused over the wildcard"],
  ])("leaves %s to Next (%s)", async (acceptEncoding) => {
    const res = await send("/_next/static/chunks/app.js", { "accept-encoding": acceptEncoding });
    expect(res.headers["x-answered-by"]).toBe("next");
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("leaves a request without Accept-Encoding, a file without a copy, and other methods to Next", async () => {
    expect((await send("/_next/static/chunks/app.js")).headers["x-answered-by"]).toBe("next");
    expect((await send("/_next/static/chunks/plain.js", { "accept-encoding": "br" })).headers["x-answered-by"]).toBe(
      "next",
    );
    const post = await send("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "POST");
    expect(post.headers["x-answered-by"]).toBe("next");
  });

  it.each([
    "/_next/static/../secret.js",
    "/_next/static/chunks/../../secret.js",
    "/_next/static/%2e%2e/secret.js",
    "/_next/static/chunks/..%2f..%2fsecret.js",
    "/_next/static/chunks/..%5c..%5csecret.js",
    "/_next/static//" + path.join(dir, "secret.js").replace(/^\//, ""),
    "/_next/static/chunks/app.js.br",
  ])("never reaches a file outside the listing: %s", async (url) => {
    const res = await send(url, { "accept-encoding": "br" });
    expect(res.headers["x-answered-by"]).toBe("next");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe("not found");
  });
});
