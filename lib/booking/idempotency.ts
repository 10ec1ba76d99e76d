import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { idempotencyKeySchema } from "./schema";
import { parseInput } from "@/lib/validation";

export type StoredResult = { appointmentIds: string[]; seriesId?: string };

export function parseIdempotencyKey(value: unknown): string {
  return parseInput(idempotencyKeySchema, value ?? undefined);
}

export function fingerprintOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** The stored answer to an earlier request with this key, or null. The same key with another body is refused. */
export async function previousResult(actor: Actor, key: string, fingerprint: string): Promise<StoredResult | null> {
  const seen = await db.bookingRequest.findUnique({
    where: { userId_key: { userId: actor.userId, key } },
    select: { fingerprint: true, result: true },
  });
  if (!seen) return null;
  if (seen.fingerprint !== fingerprint)
    throw new AppError("validation", "This Idempotency-Key was already used for a different booking. Use a new key.");
  return seen.result as StoredResult;
}

/**
 * Claims the key as the transaction's first write. A concurrent request with
 * the same key blocks on the unique index until this transaction ends, then
 * fails with a unique violation and replays our stored result; if we roll
 * back, it proceeds as if first. (Inserting the appointment first would make
 * a double click look like "that time was just taken".)
 */
export async function claimKey(tx: Tx, actor: Actor, key: string, fingerprint: string): Promise<string> {
  const row = await tx.bookingRequest.create({
    data: { clinicId: actor.clinicId, userId: actor.userId, key, fingerprint, result: { appointmentIds: [] } },
    select: { id: true },
  });
  return row.id;
}

export async function storeResult(tx: Tx, requestId: string, result: StoredResult): Promise<void> {
  await tx.bookingRequest.update({ where: { id: requestId }, data: { result } });
}
