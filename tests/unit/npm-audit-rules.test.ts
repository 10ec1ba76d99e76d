import { describe, expect, it } from "vitest";
import { classifyAudit } from "../../scripts/ci/npm-audit-rules";

const report = (counts: Record<string, number>, vulnerabilities: Record<string, unknown> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } },
  });

describe("reading npm audit --omit=dev --json in CI", () => {
  it("passes a report without high or critical advisories (moderate ones are listed, not fatal)", () => {
    const v = classifyAudit(report({ moderate: 2, total: 2 }), "");
    expect(v).toMatchObject({ kind: "pass" });
    expect(v.summary).toContain("2 moderate");
  });

  it("fails on a high or critical advisory and names the package and advisory", () => {
    const v = classifyAudit(
      report(
        { critical: 1, total: 1 },
        {
          "next-auth": {
            name: "next-auth",
            severity: "critical",
            via: [{ title: "Session fixation", url: "https://github.com/advisories/GHSA-xxxx" }],
          },
        },
      ),
      "",
    );
    expect(v.kind).toBe("fail");
    expect(v.kind === "fail" && v.findings).toEqual([
      "CRITICAL next-auth: Session fixation https://github.com/advisories/GHSA-xxxx",
    ]);
  });

  it("warns, without failing, when the advisories endpoint answers 405 (the mirror here) or the network is down", () => {
    const seenHere = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      method: "POST",
      statusCode: 405,
      error: { code: "E405", summary: "audit endpoint returned an error" },
    });
    const v = classifyAudit(
      seenHere,
      "npm warn audit 405 Method Not Allowed\nnpm error audit endpoint returned an error",
    );
    expect(v.kind).toBe("unreachable");
    expect(v.summary).toMatch(/NOT checked/);
    expect(classifyAudit("", "npm error code ENOTFOUND\nnpm error network request failed").kind).toBe("unreachable");
  });

  it("fails on output it does not understand rather than passing silently", () => {
    expect(classifyAudit("", "").kind).toBe("fail");
    expect(classifyAudit("not json", "something odd").kind).toBe("fail");
  });
});
