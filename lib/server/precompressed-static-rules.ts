/**
 * Which build files the production server (server.ts) answers itself with
 * their brotli copy (docs/decisions/100): the choice by Accept-Encoding and the
 * check that a URL names a file inside .next/static. Pure: no Node, no Next.
 */

/** Where Next serves the build's own files from; their names carry the build's hash or id. */
export const STATIC_URL_PREFIX = "/_next/static/";

/** The file types precompressed at build time, and what Next answers them with. */
export const PRECOMPRESSED_TYPES: Readonly<Record<string, string>> = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
};

/** What the browser is told about every hashed file, as Next says it for the same files. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";

/**
 * Parses a quality value (RFC 9110 12.4.2): 0 to 1 with up to three decimals.
 * Anything else is null, and the caller treats that coding as not acceptable:
 * when in doubt, the server falls back to gzip, which every client accepts.
 */
function qualityOf(params: string[]): number | null {
  const q = params.map((p) => p.trim()).find((p) => /^q\s*=/i.test(p));
  if (q === undefined) return 1;
  const value = q.replace(/^q\s*=\s*/i, "");
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return null;
  return Number(value);
}

/**
 * True when the request's Accept-Encoding allows brotli: `br` listed with a
 * quality above 0, or not listed and `*` above 0. `br;q=0` is a refusal even
 * when `*` is allowed; no header at all means the client asked for nothing.
 */
export function acceptsBrotli(acceptEncoding: string | readonly string[] | undefined): boolean {
  if (acceptEncoding === undefined) return false;
  const header = typeof acceptEncoding === "string" ? acceptEncoding : acceptEncoding.join(",");
  let br: number | null | undefined;
  let any: number | null | undefined;
  for (const entry of header.split(",")) {
    const [coding, ...params] = entry.split(";");
    const name = coding!.trim().toLowerCase();
    if (name === "br") br = qualityOf(params);
    else if (name === "*") any = qualityOf(params);
  }
  if (br !== undefined) return br !== null && br > 0;
  return any !== undefined && any !== null && any > 0;
}

/**
 * The file a request names under .next/static, as a relative path with `/`
 * separators ("chunks/abc.js"), or null when the server must not answer it
 * from disk: not under /_next/static/, not a precompressed type, badly
 * encoded, or any segment that could step out of the folder (`..`, `.`, an
 * empty one, a backslash or NUL, also when percent-encoded). The server then
 * serves only names its own listing of the folder holds, so this is the first
 * of two locks, not the only one.
 */
export function staticFileOf(requestUrl: string): string | null {
  const pathname = requestUrl.split(/[?#]/, 1)[0]!;
  if (!pathname.startsWith(STATIC_URL_PREFIX)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(STATIC_URL_PREFIX.length));
  } catch {
    return null;
  }
  if (decoded.length === 0 || decoded.length > 512) return null;
  if (/[\\\0]/.test(decoded)) return null;
  const segments = decoded.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  if (contentTypeOf(decoded) === null) return null;
  return decoded;
}

/** The Content-Type for a precompressed file, or null for a type that is not precompressed. */
export function contentTypeOf(file: string): string | null {
  const dot = file.lastIndexOf(".");
  if (dot < 0 || dot < file.lastIndexOf("/")) return null;
  return PRECOMPRESSED_TYPES[file.slice(dot).toLowerCase()] ?? null;
}

/** True when an If-None-Match header names this ETag (or `*`), so a 304 may answer. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}
