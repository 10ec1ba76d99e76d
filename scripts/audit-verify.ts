/**
 * `npm run audit:verify`: seals pending audit rows (unless --no-seal), then
 * checks the whole hash chain and reports the first broken link. Exit code 1
 * when the chain is broken.
 */
import { auditChainKey } from "./db/app-secret";
import { withDatabase } from "./db/database-url";
import { prismaFor } from "./db/prisma-client";
import { sealAuditChain, verifyAuditChain } from "../lib/audit/audit-chain";

await withDatabase(async (url) => {
  const client = prismaFor(url);
  try {
    if (!process.argv.includes("--no-seal")) {
      let sealed = 0;
      for (let n = -1; n !== 0; sealed += n) n = await sealAuditChain(client, auditChainKey());
      if (sealed) console.log(`Sealed ${sealed} new audit row(s).`);
    }
    const report = await verifyAuditChain(client, auditChainKey());
    if (report.broken) {
      console.error(
        `BROKEN: the audit chain is intact for ${report.sealed} row(s), then breaks at chain position ${report.broken.chainSeq} (row id ${report.broken.id}): ${
          report.broken.problem === "edited"
            ? "this row was changed after it was sealed"
            : report.broken.problem === "missing_before"
              ? "a row before it was deleted"
              : "rows are out of order"
        }.`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        `OK: ${report.sealed} sealed audit row(s) verified; head hash ${report.headHash ?? "(empty)"}; ${report.unsealed} not yet sealed.`,
      );
    }
  } finally {
    await client.$disconnect();
  }
});
