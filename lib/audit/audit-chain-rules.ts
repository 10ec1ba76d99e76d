/**
 * The audit log's hash chain. Pure: each sealed row's hash covers its own
 * content and the previous row's hash, so editing a row breaks its hash and
 * deleting one breaks the next row's link. The hash is an HMAC under a key that
 * is not in the database, so someone holding only the database cannot rebuild
 * a consistent chain after tampering.
 */
import { createHmac } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedRow = {
  id: bigint;
  chainSeq: bigint;
  at: Date;
  clinicId: string | null;
  actorId: string | null;
  actorRole: string;
  action: string;
  outcome: string;
  patientId: string | null;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
};

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function auditRowHash(prevHash: string, row: ChainedRow, key: string): string {
  const content = canonicalJson({
    id: row.id,
    chainSeq: row.chainSeq,
    at: row.at,
    clinicId: row.clinicId,
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    outcome: row.outcome,
    patientId: row.patientId,
    recordType: row.recordType,
    recordId: row.recordId,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details,
  });
  return createHmac("sha256", key).update(`${prevHash}\n${content}`).digest("hex");
}

export type StoredLink = ChainedRow & { prevHash: string | null; hash: string | null };
export type BrokenLink = { chainSeq: bigint; id: bigint; problem: "edited" | "missing_before" | "out_of_order" };

/**
 * Walks sealed rows in chain order (starting after `previous`, the last row
 * checked so far) and returns the first broken link, if any.
 */
export function findBrokenLink(
  rows: StoredLink[],
  previous: { chainSeq: bigint; hash: string } | null,
  key: string,
): BrokenLink | null {
  let expectedSeq = previous ? previous.chainSeq + 1n : 1n;
  let prevHash = previous ? previous.hash : GENESIS_HASH;
  for (const row of rows) {
    if (row.chainSeq !== expectedSeq || row.prevHash !== prevHash) {
      return {
        chainSeq: row.chainSeq,
        id: row.id,
        problem: row.chainSeq > expectedSeq ? "missing_before" : "out_of_order",
      };
    }
    if (auditRowHash(prevHash, row, key) !== row.hash) return { chainSeq: row.chainSeq, id: row.id, problem: "edited" };
    prevHash = row.hash;
    expectedSeq++;
  }
  return null;
}
