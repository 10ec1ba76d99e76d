import { describe, expect, it } from "vitest";
import { acceptsBrotli, contentTypeOf, etagMatches, staticFileOf } from "@/lib/server/precompressed-static-rules";

describe("acceptsBrotli", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["br", true],
    ["BR;q=0.5", true],
    ["gzip;q=1.0, br;q=0.001", true],
    ["*", true],
    ["gzip, *;q=0.1", true],
    [" gzip ,  br ; q = 0.8 ", true],
  ])("%s: yes", (header, expected) => {
    expect(acceptsBrotli(header)).toBe(expected);
  });

  it.each([
    [undefined, "no header"],
    ["", "empty"],
    ["gzip, deflate", "not listed, no wildcard"],
    ["identity", "identity only"],
    ["br;q=0", "q=0 is a refusal"],
    ["br;q=0.000", "q=0.000 is a refusal"],
    ["*, br;q=0", "an explicit refusal wins over the wildcard"],
    ["gzip, *;q=0", "wildcard refused"],
    ["br;q=2", "a quality above 1 is malformed"],
    ["br;q=0.5000", "four decimals are malformed"],
    ["br;q=high", "not a number"],
    ["brotli", "another coding's name"],
    ["gzip;br", "br as a parameter, not a coding"],
  ])("%s: no (%s)", (header, _why) => {
    expect(acceptsBrotli(header)).toBe(false);
  });

  it("reads a header sent more than once", () => {
    expect(acceptsBrotli(["gzip", "br"])).toBe(true);
    expect(acceptsBrotli(["br;q=0", "gzip"])).toBe(false);
  });
});

describe("staticFileOf", () => {
  it("names JS and CSS files under /_next/static/, without the query", () => {
    expect(staticFileOf("/_next/static/chunks/0a1b2c3d.js")).toBe("chunks/0a1b2c3d.js");
    expect(staticFileOf("/_next/static/chunks/app.css?dpl=1")).toBe("chunks/app.css");
    expect(staticFileOf("/_next/static/BUILDID/_buildManifest.js#x")).toBe("BUILDID/_buildManifest.js");
    expect(staticFileOf("/_next/static/chunks/%5Broot%5D.js")).toBe("chunks/[root].js");
  });

  it.each([
    ["/_next/static/../../package.json", "parent segments"],
    ["/_next/static/chunks/../../../package.json.js", "parent segments, with a JS name"],
    ["/_next/static/%2e%2e/%2e%2e/server.js", "encoded parent segments"],
    ["/_next/static/chunks/..%2f..%2f..%2fserver.js", "an encoded slash"],
    ["/_next/static/chunks/..%5c..%5cserver.js", "an encoded backslash"],
    ["/_next/static/chunks\\..\\server.js", "a backslash"],
    ["/_next/static/./chunks/a.js", "a dot segment"],
    ["/_next/static//etc/passwd.js", "an empty segment (absolute path)"],
    ["/_next/static/chunks/a.js%00.css", "a NUL"],
    ["/_next/static/chunks/%E0%A4%A.js", "malformed percent-encoding"],
    ["/_next/static/media/font.woff2", "not a precompressed type"],
    ["/_next/static/chunks/a.js.br", "the brotli copy itself"],
    ["/_next/static/chunks/a.js.map", "a source map"],
    ["/_next/static/", "the folder"],
    ["/_next/image?url=/a.js", "another route"],
    ["/sw.js", "public files stay with Next"],
    ["/_next/staticx/a.js", "a look-alike prefix"],
    [`/_next/static/${"a".repeat(600)}.js`, "an absurdly long name"],
  ])("%s: refused (%s)", (url, _why) => {
    expect(staticFileOf(url)).toBeNull();
  });
});

describe("contentTypeOf", () => {
  it("answers JS and CSS as Next does, and nothing else", () => {
    expect(contentTypeOf("chunks/a.js")).toBe("application/javascript; charset=UTF-8");
    expect(contentTypeOf("chunks/a.css")).toBe("text/css; charset=UTF-8");
    expect(contentTypeOf("chunks/a.json")).toBeNull();
    expect(contentTypeOf("chunks.js/a")).toBeNull();
  });
});

describe("etagMatches", () => {
  it("matches the same tag, weak or strong, in a list, or *", () => {
    expect(etagMatches('"br-abc"', '"br-abc"')).toBe(true);
    expect(etagMatches('W/"br-abc"', '"br-abc"')).toBe(true);
    expect(etagMatches('"x", "br-abc"', '"br-abc"')).toBe(true);
    expect(etagMatches("*", '"br-abc"')).toBe(true);
    expect(etagMatches('"br-abd"', '"br-abc"')).toBe(false);
    expect(etagMatches(undefined, '"br-abc"')).toBe(false);
  });
});
