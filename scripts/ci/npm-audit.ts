/**
 * CI step: `npm audit --omit=dev`, failing on high or critical advisories and
 * warning loudly when the advisories endpoint cannot be reached (see
 * npm-audit-rules.ts). Usage: `npm run audit:prod`.
 */
import { spawnSync } from "node:child_process";
import { classifyAudit } from "./npm-audit-rules";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const verdict = classifyAudit(run.stdout ?? "", run.stderr ?? "");
switch (verdict.kind) {
  case "pass":
    console.log(verdict.summary);
    break;
  case "unreachable":
    // GitHub-style annotation, and a plain line for any other log reader.
    console.log(`::warning::${verdict.summary}`);
    console.warn(`WARNING: ${verdict.summary}`);
    break;
  case "fail":
    console.error(verdict.summary);
    for (const f of verdict.findings) console.error(`  ${f}`);
    process.exitCode = 1;
}
