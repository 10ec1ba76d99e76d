/**
 * Seals audit rows into the hash chain and verifies it. Takes the Prisma
 * client as a parameter so the app's worker, the `npm run audit:verify`
 * command and tests share one implementation.
 *
 * Rows are written unsealed (no lock on the hot path: every request writes
 * audit rows) and sealed within seconds by one sealer at a time, in the order
 * they became visible, which is commit order rather than id order.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditRowHash, findBrokenLink, GENESIS_HASH, type BrokenLink, type StoredLink } from "./audit-chain-rules";

const SEALER_LOCK = 72_727_001;

export async function sealAuditChain(client: PrismaClient, key: string, batchSize = 1000): Promise<number> {
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEALER_LOCK})`;
      const last = await tx.auditEvent.findFirst({
        where: { chainSeq: { not: null } },
        orderBy: { chainSeq: "desc" },
        select: { chainSeq: true, hash: true },
      });
      const rows = await tx.auditEvent.findMany({ where: { hash: null }, orderBy: { id: "asc" }, take: batchSize });
      if (!rows.length) return 0;
      let seq = last?.chainSeq ?? 0n;
      let prev = last?.hash ?? GENESIS_HASH;
      const ids: string[] = [];
      const seqs: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1n;
        const hash = auditRowHash(prev, { ...row, chainSeq: seq }, key);
        ids.push(row.id.toString());
        seqs.push(seq.toString());
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx.$executeRaw`
        UPDATE "AuditEvent" AS a SET "chainSeq" = v.seq, "prevHash" = v.prev, "hash" = v.hash
        FROM unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) AS v(id, seq, prev, hash)
        WHERE a."id" = v.id`;
      return rows.length;
    },
    // maxWait: on a busy pool, wait for a connection rather than fail the tick (P2028) and log noise.
    { timeout: 60_000, maxWait: 15_000 },
  );
}

export type ChainReport = { sealed: number; unsealed: number; headHash: string | null; broken: BrokenLink | null };

/** Checks every sealed row in chain order; stops at the first broken link. */
export async function verifyAuditChain(client: PrismaClient, key: string, pageSize = 5000): Promise<ChainReport> {
  let previous: { chainSeq: bigint; hash: string } | null = null;
  let sealed = 0;
  for (;;) {
    const rows: Array<Omit<StoredLink, "chainSeq"> & { chainSeq: bigint | null }> = await client.auditEvent.findMany({
      where: { chainSeq: previous ? { gt: previous.chainSeq } : { not: null } },
      orderBy: { chainSeq: "asc" },
      take: pageSize,
    });
    const typed: StoredLink[] = rows.map((r) => ({ ...r, chainSeq: r.chainSeq! }));
    const broken = findBrokenLink(typed, previous, key);
    if (broken)
      return {
        sealed: sealed + typed.findIndex((r) => r.chainSeq === broken.chainSeq),
        unsealed: await countUnsealed(client),
        headHash: null,
        broken,
      };
    sealed += typed.length;
    const last = typed.at(-1);
    if (last) previous = { chainSeq: last.chainSeq, hash: last.hash! };
    if (rows.length < pageSize) break;
  }
  return { sealed, unsealed: await countUnsealed(client), headHash: previous?.hash ?? null, broken: null };
}

function countUnsealed(client: PrismaClient): Promise<number> {
  return client.auditEvent.count({ where: { hash: null } });
}
