/**
 * How CI reads `npm audit --omit=dev --json`: fail on a high or critical
 * advisory in a production dependency; warn, but do not fail, when the
 * advisories endpoint itself cannot be reached (this project's machines reach
 * a registry mirror that answers 405 to it), so that a missing service never
 * reads as "no advisories". Anything else unexpected fails. docs/decisions/048.
 */
export type AuditVerdict =
  | { kind: "pass"; summary: string }
  | { kind: "fail"; summary: string; findings: string[] }
  | { kind: "unreachable"; summary: string };

type Severity = "info" | "low" | "moderate" | "high" | "critical";
type Report = {
  vulnerabilities?: Record<
    string,
    { name: string; severity: Severity; via: Array<string | { title?: string; url?: string }> }
  >;
  metadata?: { vulnerabilities?: Partial<Record<Severity | "total", number>> };
  error?: { code?: string; summary?: string; detail?: string };
  statusCode?: number;
  message?: string;
};

const UNREACHABLE =
  /\b(?:405|404|403|501|502|503|504) |ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|audit endpoint returned an error|network/i;

export function classifyAudit(stdout: string, stderr: string): AuditVerdict {
  let report: Report | null = null;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (report && counts) {
    const high = (counts.high ?? 0) + (counts.critical ?? 0);
    const summary = `npm audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low in production dependencies`;
    if (high === 0) return { kind: "pass", summary };
    const findings = Object.values(report.vulnerabilities ?? {})
      .filter((v) => v.severity === "high" || v.severity === "critical")
      .map((v) => {
        const titles = v.via
          .map((x) => (typeof x === "string" ? `via ${x}` : [x.title, x.url].filter(Boolean).join(" ")))
          .join("; ");
        return `${v.severity.toUpperCase()} ${v.name}: ${titles}`;
      });
    return { kind: "fail", summary, findings };
  }
  const problem = [report?.message, report?.error?.summary, report?.error?.code, stderr].filter(Boolean).join("\n");
  const reason =
    firstLine(report?.message ?? "") || firstLine(stderr.replace(/^.*Unknown (?:env|user) config.*$/gm, ""));
  if (UNREACHABLE.test(problem) || (report?.statusCode !== undefined && report.statusCode >= 400)) {
    return {
      kind: "unreachable",
      summary: `npm audit could not get advisories from the registry (${reason}): production dependencies were NOT checked for known vulnerabilities`,
    };
  }
  return { kind: "fail", summary: `npm audit gave no report: ${reason || "empty output"}`, findings: [] };
}

function firstLine(s: string): string {
  return (
    s
      .split("\n")
      .map((l) => l.replace(/^npm (?:warn|error) /, "").trim())
      .find((l) => l.length > 0) ?? ""
  ).slice(0, 200);
}
