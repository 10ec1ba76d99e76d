import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";
import {
  acceptsBrotli,
  contentTypeOf,
  etagMatches,
  IMMUTABLE_CACHE_CONTROL,
  staticFileOf,
} from "@/lib/server/precompressed-static-rules";

/**
 * The brotli copies of the build's JS and CSS (written next to each file by
 * scripts/precompress-static.ts), answered by the production server
 * before Next sees the request (docs/decisions/100). Read once at start-up:
 * the build never changes under a running server, they come to a few MB, and
 * answering from memory costs less CPU than Next's gzip of the same file.
 */
type BrotliFile = { body: Buffer; contentType: string; etag: string };

export type PrecompressedStatic = {
  /** How many files have a brotli copy (0 when the build has none: everything then goes to Next). */
  size: number;
  /** Answers the request and returns true, or returns false and leaves it untouched for Next. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
};

/** Every `<file>.br` under staticDir whose file is a precompressed type, keyed by the URL's relative path. */
export function loadPrecompressedStatic(staticDir: string): PrecompressedStatic {
  const root = path.resolve(staticDir);
  const files = new Map<string, BrotliFile>();
  if (existsSync(root)) {
    for (const rel of readdirSync(root, { recursive: true, encoding: "utf8" })) {
      if (!rel.endsWith(".br") || !statSync(path.join(root, rel)).isFile()) continue;
      const original = rel.slice(0, -".br".length).split(path.sep).join("/");
      const contentType = contentTypeOf(original);
      if (!contentType || !existsSync(path.join(root, original))) continue;
      const body = readFileSync(path.join(root, rel));
      const etag = `"br-${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      files.set(original, { body, contentType, etag });
    }
  }

  return {
    size: files.size,
    serve(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const rel = staticFileOf(req.url ?? "");
      if (rel === null || !acceptsBrotli(req.headers["accept-encoding"])) return false;
      // The second lock: only a name found in the listing above, and one that resolves inside the folder.
      const file = files.get(rel);
      if (!file || !path.resolve(root, rel).startsWith(root + path.sep)) return false;

      for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
      res.setHeader("Cache-Control", IMMUTABLE_CACHE_CONTROL);
      res.setHeader("Vary", "Accept-Encoding");
      res.setHeader("ETag", file.etag);
      if (etagMatches(req.headers["if-none-match"], file.etag)) {
        res.statusCode = 304;
        res.end();
        return true;
      }
      res.statusCode = 200;
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Encoding", "br");
      res.setHeader("Content-Length", file.body.length);
      res.end(req.method === "HEAD" ? undefined : file.body);
      return true;
    },
  };
}
