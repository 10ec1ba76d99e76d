import "server-only";
import { createHash, randomBytes } from "node:crypto";
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
    where: { clinicId_userId_key: { clinicId: actor.clinicId, userId: actor.userId, key } },
    select: { fingerprint: true, result: true },
  });
  if (!seen) return null;
  assertSameRequest(seen.fingerprint, fingerprint);
  return seen.result as StoredResult;
}

/** The same key with a different body is refused (422), never replayed. */
export function assertSameRequest(storedFingerprint: string, fingerprint: string): void {
  if (storedFingerprint !== fingerprint)
    throw new AppError("validation", "This Idempotency-Key was already used for a different booking. Use a new key.");
}

/**
 * Claims the key as the transaction's first write. A concurrent request with
 * the same key blocks on the unique index until this transaction ends, then
 * fails with a unique violation and replays our stored result; if we roll
 * back, it proceeds as if first. (Inserting the appointment first would make
 * a double click look like "that time was just taken".)
 */
export async function claimKey(
  tx: Tx,
  actor: Actor,
  key: string,
  fingerprint: string,
  result: StoredResult = { appointmentIds: [] },
): Promise<string> {
  const row = await tx.bookingRequest.create({
    data: { clinicId: actor.clinicId, userId: actor.userId, key, fingerprint, result },
    select: { id: true },
  });
  return row.id;
}

/**
 * A UUID version 7 (RFC 9562: millisecond time, then random), as the schema's
 * `uuid(7)` default makes. A booking names its appointment's id up front so
 * the claimed key can carry its final result in the same INSERT.
 */
export function newUuidV7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function storeResult(tx: Tx, requestId: string, result: StoredResult): Promise<void> {
  await tx.bookingRequest.update({ where: { id: requestId }, data: { result } });
}
